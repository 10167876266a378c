/** MicroProfile Health checks that Kubernetes probes read. */
package net.notejam.web.health;
