package net.notejam.aws;

import java.util.Optional;
import java.util.regex.Pattern;
import software.constructs.Node;

/**
 * The public name of an environment and the load balancers of its two regions, for {@link
 * DnsStack}. The load balancers are made by the AWS Load Balancer Controller from the overlays'
 * Ingress, not by this app: their DNS names and canonical hosted zones come from the context, as
 * {@code aws elbv2 describe-load-balancers} shows them once each region's overlay is applied.
 *
 * @param hostedZoneId the Route 53 public hosted zone that holds {@code name}
 * @param name the Ingress's host (the overlay's env-values {@code host}), e.g. notejam.example.com
 * @param primary the load balancer in the deployment's region
 * @param standby the load balancer in its DR region (overlays/prod-dr)
 * @param failedOver true: the standby answers even while the primary looks healthy (the forced
 *     switch, and the state after a failover until the fail-back)
 */
public record FailoverDns(
    String hostedZoneId,
    String name,
    LoadBalancer primary,
    LoadBalancer standby,
    boolean failedOver) {

  private static final Pattern ZONE_ID = Pattern.compile("Z[0-9A-Z]{1,31}");

  public FailoverDns {
    if (!ZONE_ID.matcher(hostedZoneId).matches()) {
      throw new IllegalArgumentException("hostedZoneId: not a Route 53 zone id: " + hostedZoneId);
    }
    if (name.isBlank() || name.endsWith(".")) {
      throw new IllegalArgumentException("dnsName: a host name without the final dot: " + name);
    }
  }

  /**
   * A load balancer as an alias target.
   *
   * @param dnsName its DNS name
   * @param hostedZoneId its canonical hosted zone (per region, AWS's, not ours)
   */
  public record LoadBalancer(String dnsName, String hostedZoneId) {
    /** Parses {@code <dns name>@<canonical hosted zone id>}. */
    static LoadBalancer parse(String key, String value) {
      String[] parts = value.split("@");
      if (parts.length != 2 || !ZONE_ID.matcher(parts[1]).matches() || parts[0].isBlank()) {
        throw new IllegalArgumentException(
            "-c " + key + "=<DNSName>@<CanonicalHostedZoneId> of the load balancer: " + value);
      }
      return new LoadBalancer(parts[0], parts[1]);
    }
  }

  /**
   * Reads {@code hostedZoneId}, {@code dnsName}, {@code primaryLoadBalancer}, {@code
   * standbyLoadBalancer} and {@code failover} ({@code primary}, the default, or {@code standby});
   * empty without {@code hostedZoneId}: an environment without failover has no DNS stack.
   */
  public static Optional<FailoverDns> fromContext(Node node) {
    String zone = context(node, "hostedZoneId");
    if (zone == null) {
      return Optional.empty();
    }
    String failover = Optional.ofNullable(context(node, "failover")).orElse("primary");
    if (!failover.equals("primary") && !failover.equals("standby")) {
      throw new IllegalArgumentException("-c failover=primary|standby: " + failover);
    }
    return Optional.of(
        new FailoverDns(
            zone,
            required(node, "dnsName"),
            LoadBalancer.parse("primaryLoadBalancer", required(node, "primaryLoadBalancer")),
            LoadBalancer.parse("standbyLoadBalancer", required(node, "standbyLoadBalancer")),
            failover.equals("standby")));
  }

  private static String required(Node node, String key) {
    String value = context(node, key);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("Missing context (with hostedZoneId): -c " + key + "=...");
    }
    return value;
  }

  private static String context(Node node, String key) {
    Object value = node.tryGetContext(key);
    return value == null ? null : value.toString();
  }
}
