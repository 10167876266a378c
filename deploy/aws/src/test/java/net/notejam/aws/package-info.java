/**
 * Offline checks of the synthesized CloudFormation templates: each deployment is synthesized once
 * per test run ({@link net.notejam.aws.SynthesizedDeployment}) and every test reads the templates.
 */
package net.notejam.aws;
