/**
 * Notejam's AWS infrastructure as AWS CDK stacks: one set per environment and region.
 *
 * <p>{@link net.notejam.aws.NotejamInfrastructure} is the CDK app; {@link
 * net.notejam.aws.NotejamStacks} wires the stacks of one {@link net.notejam.aws.Deployment}: {@link
 * net.notejam.aws.NetworkStack}, {@link net.notejam.aws.RecoveryStack} (in the disaster recovery
 * region), {@link net.notejam.aws.DataProtectionStack}, {@link net.notejam.aws.ClusterStack},
 * {@link net.notejam.aws.RegistryStack} and {@link net.notejam.aws.FirewallStack} (the web ACL of
 * the load balancer), each a {@link net.notejam.aws.NotejamStack}.
 */
package net.notejam.aws;
