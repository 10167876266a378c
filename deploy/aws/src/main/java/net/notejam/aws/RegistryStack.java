package net.notejam.aws;

import java.util.List;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.ecr.LifecycleRule;
import software.amazon.awscdk.services.ecr.Repository;
import software.amazon.awscdk.services.ecr.TagMutability;
import software.amazon.awscdk.services.ecr.TagStatus;
import software.constructs.Construct;

/** The container registry the cluster pulls Notejam images from, in the cluster's region. */
public final class RegistryStack extends NotejamStack {
  /** Untagged images (superseded builds) are kept this long, then expire. */
  public static final int UNTAGGED_IMAGE_DAYS = 14;

  private final Repository repository;

  public RegistryStack(Construct scope, Deployment deployment) {
    super(scope, deployment, "registry", "container images", Holds.INFRASTRUCTURE);

    this.repository =
        Repository.Builder.create(this, "Repository")
            .repositoryName("notejam/" + deployment.environmentName())
            // A tag names one image forever: what was tested is what runs.
            .imageTagMutability(TagMutability.IMMUTABLE)
            .imageScanOnPush(true)
            .lifecycleRules(
                List.of(
                    LifecycleRule.builder()
                        .rulePriority(1)
                        .description("Expire untagged images")
                        .tagStatus(TagStatus.UNTAGGED)
                        .maxImageAge(Duration.days(UNTAGGED_IMAGE_DAYS))
                        .build()))
            // The deployed tags must stay pullable even if the stack is deleted by mistake.
            .removalPolicy(RemovalPolicy.RETAIN)
            .build();

    CfnOutput.Builder.create(this, "RepositoryUri").value(repository.getRepositoryUri()).build();
  }

  public Repository repository() {
    return repository;
  }
}
