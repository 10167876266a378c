package net.notejam.aws;

import java.util.List;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Tags;
import software.constructs.Construct;

/**
 * The stacks of one deployment, in deployment order.
 *
 * @param recovery in the DR region; deployed first because data protection copies into it
 */
public record NotejamStacks(
    NetworkStack network,
    RecoveryStack recovery,
    DataProtectionStack dataProtection,
    ClusterStack cluster,
    RegistryStack registry,
    FirewallStack firewall) {

  /** Defines all stacks of {@code deployment} in {@code scope} and tags every resource. */
  public static NotejamStacks define(Construct scope, Deployment deployment) {
    NetworkStack network = new NetworkStack(scope, deployment);
    RecoveryStack recovery = new RecoveryStack(scope, deployment);
    DataProtectionStack dataProtection = new DataProtectionStack(scope, deployment, recovery);
    ClusterStack cluster = new ClusterStack(scope, deployment, network, dataProtection);
    RegistryStack registry = new RegistryStack(scope, deployment);
    FirewallStack firewall = new FirewallStack(scope, deployment);
    NotejamStacks stacks =
        new NotejamStacks(network, recovery, dataProtection, cluster, registry, firewall);

    for (Stack stack : stacks.all()) {
      tag(stack, deployment);
    }
    return stacks;
  }

  /** Tags every resource of {@code stack} with the application, environment and regions. */
  static void tag(Stack stack, Deployment deployment) {
    Tags.of(stack).add("notejam/application", "notejam");
    Tags.of(stack).add("notejam/environment", deployment.environmentName());
    // The region whose data the resources hold: for the recovery stack, the primary region.
    Tags.of(stack).add("notejam/region", deployment.region());
    Tags.of(stack).add("notejam/dr-region", deployment.drRegion());
    Tags.of(stack).add("notejam/managed-by", "aws-cdk");
  }

  public List<Stack> all() {
    return List.of(network, recovery, dataProtection, cluster, registry, firewall);
  }
}
