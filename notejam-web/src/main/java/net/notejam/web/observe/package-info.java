/**
 * What operators see of each request: a request id on every log line and in the access log, and a
 * latency timer per page for /metrics.
 */
package net.notejam.web.observe;
