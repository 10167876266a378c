package net.notejam.aws;

import java.util.List;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.services.route53.CfnRecordSet;
import software.constructs.Construct;

/**
 * The environment's public name with Route 53 failover routing between its two regions: a PRIMARY
 * alias record to the active region's load balancer and a SECONDARY one to the other region's.
 *
 * <p>The PRIMARY record evaluates its target's health: the load balancer counts as unhealthy when
 * none of its targets is, and its targets are the app's pods, health-checked on {@code
 * /health/ready} (the Ingress's target group check, on the management port). So when no pod of the
 * active region is ready, or its load balancer is gone, Route 53 answers with the SECONDARY,
 * without anyone acting. A Route 53 health check of a public URL would have to send the Ingress's
 * host name, which the failover record itself resolves, and the edge answers {@code /health} with
 * 404 by design ("At the edge"); the alias target's health avoids both.
 *
 * <p>The forced switch, and the state after a failover, is the same stack deployed with {@code -c
 * failover=standby}: the roles of the two records swap. The fail-back deploys it with {@code -c
 * failover=primary}. In us-east-1, where Route 53's control plane is: it stays deployable when
 * either of the environment's regions is lost.
 */
public final class DnsStack extends NotejamStack {
  /** Route 53 is global; its API, and so this stack, live in us-east-1. */
  public static final String REGION = "us-east-1";

  private final FailoverDns dns;

  public DnsStack(Construct scope, Deployment deployment, FailoverDns dns) {
    super(
        scope,
        deployment,
        name(deployment),
        Environment.builder().account(deployment.account()).region(REGION).build(),
        deployment.environmentName()
            + ": failover of "
            + dns.name()
            + " from "
            + deployment.region()
            + " to "
            + deployment.drRegion(),
        Holds.INFRASTRUCTURE);
    this.dns = dns;
    NotejamStacks.tag(this, deployment);

    FailoverDns.LoadBalancer active = dns.failedOver() ? dns.standby() : dns.primary();
    FailoverDns.LoadBalancer passive = dns.failedOver() ? dns.primary() : dns.standby();
    String activeRegion = dns.failedOver() ? deployment.drRegion() : deployment.region();
    String passiveRegion = dns.failedOver() ? deployment.region() : deployment.drRegion();
    record("Primary", "PRIMARY", activeRegion, active, true);
    // Answered whatever its health: when both regions look down, the standby is the better guess.
    record("Secondary", "SECONDARY", passiveRegion, passive, false);

    CfnOutput.Builder.create(this, "ActiveRegion")
        .description("The region " + dns.name() + " answers with while it is healthy")
        .value(activeRegion)
        .build();
  }

  /** {@code notejam-prod-dns}: one per environment, like the name it routes. */
  public static String name(Deployment deployment) {
    return "notejam-" + deployment.environmentName() + "-dns";
  }

  private void record(
      String id,
      String failover,
      String region,
      FailoverDns.LoadBalancer target,
      boolean evaluateTargetHealth) {
    for (String type : List.of("A", "AAAA")) {
      CfnRecordSet.Builder.create(this, id + type)
          .hostedZoneId(dns.hostedZoneId())
          .name(dns.name() + ".")
          .type(type)
          .setIdentifier(region)
          .failover(failover)
          .aliasTarget(
              CfnRecordSet.AliasTargetProperty.builder()
                  .dnsName(target.dnsName())
                  .hostedZoneId(target.hostedZoneId())
                  .evaluateTargetHealth(evaluateTargetHealth)
                  .build())
          .build();
    }
  }
}
