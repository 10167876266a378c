package net.notejam.aws;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.ecr.CfnReplicationConfiguration;
import software.amazon.awscdk.services.ecr.LifecycleRule;
import software.amazon.awscdk.services.ecr.Repository;
import software.amazon.awscdk.services.ecr.TagMutability;
import software.amazon.awscdk.services.ecr.TagStatus;
import software.constructs.Construct;

/**
 * The container registry the cluster pulls Notejam images from, in the cluster's region: one
 * repository per image the overlays deploy (the app and the logical-backup job), replicated to the
 * DR region so a recovered cluster there can pull the same digests.
 */
public final class RegistryStack extends NotejamStack {
  /** Untagged images (superseded builds) are kept this long, then expire. */
  public static final int UNTAGGED_IMAGE_DAYS = 14;

  /** The images the overlays deploy, by their name in deploy/base (kustomize {@code images:}). */
  public static final List<String> IMAGES = List.of("notejam", "notejam-backup");

  private final Map<String, Repository> repositories = new LinkedHashMap<>();

  public RegistryStack(Construct scope, Deployment deployment) {
    super(scope, deployment, "registry", "container images", Holds.INFRASTRUCTURE);

    for (String image : IMAGES) {
      String id = image.equals("notejam") ? "Repository" : "BackupRepository";
      Repository repository =
          Repository.Builder.create(this, id)
              .repositoryName(repositoryName(deployment, image))
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
              // The deployed digests must stay pullable even if the stack is deleted by mistake.
              .removalPolicy(RemovalPolicy.RETAIN)
              .build();
      repositories.put(image, repository);
      CfnOutput.Builder.create(this, id + "Uri").value(repository.getRepositoryUri()).build();
    }

    // Registry-wide setting of this account and region: only this environment's repositories
    // (prefix notejam/<env>) are copied, to the same account's registry in the DR region.
    CfnReplicationConfiguration.Builder.create(this, "ReplicationToDrRegion")
        .replicationConfiguration(
            CfnReplicationConfiguration.ReplicationConfigurationProperty.builder()
                .rules(
                    List.of(
                        CfnReplicationConfiguration.ReplicationRuleProperty.builder()
                            .destinations(
                                List.of(
                                    CfnReplicationConfiguration.ReplicationDestinationProperty
                                        .builder()
                                        .region(deployment.drRegion())
                                        .registryId(deployment.account())
                                        .build()))
                            .repositoryFilters(
                                List.of(
                                    CfnReplicationConfiguration.RepositoryFilterProperty.builder()
                                        .filter(repositoryName(deployment, "notejam"))
                                        .filterType("PREFIX_MATCH")
                                        .build()))
                            .build()))
                .build())
        .build();
  }

  /**
   * The repository of {@code image} (a name from {@link #IMAGES}) in {@code deployment}: {@code
   * notejam/<env>} for the app, {@code notejam/<env>/backup} for the backup job.
   */
  public static String repositoryName(Deployment deployment, String image) {
    if (!IMAGES.contains(image)) {
      throw new IllegalArgumentException("no repository for image " + image);
    }
    String app = "notejam/" + deployment.environmentName();
    return image.equals("notejam") ? app : app + "/backup";
  }

  /** The app's repository. */
  public Repository repository() {
    return repositories.get("notejam");
  }

  /** The repository of {@code image}, a name from {@link #IMAGES}. */
  public Repository repository(String image) {
    return repositories.get(image);
  }
}
