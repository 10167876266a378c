package net.notejam.aws;

import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.constructs.Construct;

/**
 * What every stack of a {@link Deployment} shares. Its name is also its construct id, so the CLI,
 * the tests and the CloudFormation console show one name; its account and region are explicit,
 * because environment-agnostic stacks only get two zones; its description starts with the
 * deployment it belongs to. The tags are added to all stacks at once by {@link NotejamStacks}.
 */
public abstract class NotejamStack extends Stack {

  /** What deleting a stack would lose, and so how it is protected. */
  enum Holds {
    /** Nothing that code cannot rebuild: a region move builds these anew next to the old ones. */
    INFRASTRUCTURE,
    /**
     * Backups and the keys that read them. Termination protection where the profile asks for it;
     * references across regions, since the primary's backups are copied into the DR region.
     */
    BACKUPS
  }

  /**
   * A stack in the deployment's region, named {@code notejam-<env>-<region>-<part>} and described
   * as "Notejam notejam-<env>-<region>: <purpose>".
   */
  NotejamStack(Construct scope, Deployment deployment, String part, String purpose, Holds holds) {
    this(
        scope,
        deployment,
        deployment.stackName(part),
        deployment.environment(),
        deployment.prefix() + ": " + purpose,
        holds);
  }

  /** A stack elsewhere: the recovery stack lives in the DR region and is named after it. */
  NotejamStack(
      Construct scope,
      Deployment deployment,
      String name,
      Environment environment,
      String description,
      Holds holds) {
    super(scope, name, props(deployment, name, environment, description, holds));
    // Without it every replicated bucket's role is named "CDKReplicationRole": two buckets in a
    // stack, or two environments in an account, would collide on that name. Set here, before any
    // resource, so `cdk synth` and the tests see the same flag.
    getNode().setContext("@aws-cdk/aws-s3:setUniqueReplicationRoleName", true);
  }

  private static StackProps props(
      Deployment deployment,
      String name,
      Environment environment,
      String description,
      Holds holds) {
    StackProps.Builder props =
        StackProps.builder().stackName(name).env(environment).description("Notejam " + description);
    if (holds == Holds.BACKUPS) {
      props
          .crossRegionReferences(true)
          .terminationProtection(deployment.profile().settings().terminationProtection());
    }
    return props.build();
  }
}
