package net.notejam.aws;

import java.util.Map;
import java.util.Objects;
import software.amazon.awscdk.Environment;
import software.constructs.Node;

/**
 * One environment in one region, with the region its backups are copied to.
 *
 * <p>Every stack and resource name carries both the environment and the region, so that a region
 * move deploys a second, independent set of stacks next to the damaged one instead of updating it.
 *
 * @param profile dev, test or prod
 * @param account the AWS account: explicit, because environment-agnostic stacks only get two zones
 * @param region where the cluster and its data live
 * @param drRegion where snapshots and logical backups are copied to
 */
public record Deployment(
    EnvironmentProfile profile, String account, String region, String drRegion) {

  public Deployment {
    Objects.requireNonNull(profile, "profile");
    requireText(account, "account");
    requireText(region, "region");
    requireText(drRegion, "drRegion");
    if (region.equals(drRegion)) {
      // A copy in the same region does not survive the loss of that region.
      throw new IllegalArgumentException("drRegion must differ from region: " + region);
    }
  }

  /**
   * Reads {@code env}, {@code region}, {@code drRegion} and {@code account} from the CDK context
   * (the account falls back to the CLI's {@code CDK_DEFAULT_ACCOUNT}).
   */
  public static Deployment fromContext(Node node, Map<String, String> environment) {
    String account = context(node, "account");
    if (account == null) {
      account = environment.get("CDK_DEFAULT_ACCOUNT");
    }
    String env = context(node, "env");
    if (env == null) {
      throw new IllegalArgumentException("Missing context: -c env=dev|test|prod");
    }
    return new Deployment(
        EnvironmentProfile.named(env), account, context(node, "region"), context(node, "drRegion"));
  }

  /** The same environment moved to another region, with another region for its copies. */
  public Deployment movedTo(String newRegion, String newDrRegion) {
    return new Deployment(profile, account, newRegion, newDrRegion);
  }

  public String environmentName() {
    return profile.id();
  }

  /** {@code notejam-prod-eu-west-1}: the prefix of stack names and regional resource names. */
  public String prefix() {
    return "notejam-" + environmentName() + "-" + region;
  }

  /** {@code notejam-prod-eu-west-1-network}. */
  public String stackName(String part) {
    return prefix() + "-" + part;
  }

  /** The stack of the disaster recovery region: named after the region it lives in. */
  public String recoveryStackName() {
    return "notejam-" + environmentName() + "-" + drRegion + "-recovery";
  }

  /** {@code notejam-prod-volumes}: KMS aliases are per region, so the environment suffices. */
  public String keyAlias(String purpose) {
    return "notejam-" + environmentName() + "-" + purpose;
  }

  /**
   * {@code notejam-prod-eu-west-1-ingress}: the web ACL in front of the Ingress's load balancer.
   * The overlays name it in their {@code wafAclArn}.
   */
  public String webAclName() {
    return prefix() + "-ingress";
  }

  public Environment environment() {
    return Environment.builder().account(account).region(region).build();
  }

  public Environment drEnvironment() {
    return Environment.builder().account(account).region(drRegion).build();
  }

  /** Bucket names are global: environment, region and account make them unique and findable. */
  public String backupBucketName() {
    return "notejam-" + environmentName() + "-" + region + "-backups-" + account;
  }

  /** The database's WAL archive and base backups, for point-in-time recovery. */
  public String pitrBucketName() {
    return "notejam-" + environmentName() + "-" + region + "-pitr-" + account;
  }

  /** The logical backups' replica in the DR region. */
  public String replicaBucketName() {
    return drBucketName("backup-replica");
  }

  /** The PITR archive's replica in the DR region: what a recovery there reads. */
  public String pitrReplicaBucketName() {
    return drBucketName("pitr-replica");
  }

  private String drBucketName(String purpose) {
    return "notejam-" + environmentName() + "-" + drRegion + "-" + purpose + "-" + account;
  }

  private static String context(Node node, String key) {
    Object value = node.tryGetContext(key);
    return value == null ? null : value.toString();
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("Missing context: -c " + name + "=...");
    }
  }
}
