package net.notejam.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;

/**
 * The CDK app, run by {@code cdk synth|deploy} through cdk.json:
 *
 * <pre>
 * cdk deploy -c env=prod -c region=eu-west-1 -c drRegion=eu-central-1 --all
 * </pre>
 *
 * With {@code -c hostedZoneId=...} (and the names {@link FailoverDns} reads), also the {@link
 * DnsStack} of the environment's failover.
 */
public final class NotejamInfrastructure {
  private NotejamInfrastructure() {}

  public static void main(String[] args) {
    App app = new App();
    define(app, System.getenv());
    app.synth();
  }

  /** Defines the stacks the context of {@code app} asks for; returns them. */
  static List<Stack> define(App app, Map<String, String> environment) {
    Deployment deployment = Deployment.fromContext(app.getNode(), environment);
    List<Stack> stacks = new ArrayList<>(NotejamStacks.define(app, deployment).all());
    FailoverDns.fromContext(app.getNode())
        .ifPresent(dns -> stacks.add(new DnsStack(app, deployment, dns)));
    return stacks;
  }
}
