package net.notejam.aws;

import software.amazon.awscdk.App;

/**
 * The CDK app, run by {@code cdk synth|deploy} through cdk.json:
 *
 * <pre>
 * cdk deploy -c env=prod -c region=eu-west-1 -c drRegion=eu-central-1 --all
 * </pre>
 */
public final class NotejamInfrastructure {
  private NotejamInfrastructure() {}

  public static void main(String[] args) {
    App app = new App();
    NotejamStacks.define(app, Deployment.fromContext(app.getNode(), System.getenv()));
    app.synth();
  }
}
