package net.notejam.aws;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
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
 * @param apiAllowedCidrs the IPv4 ranges the cluster's public API endpoint admits; none: the
 *     endpoint is private only (reachable from the VPC)
 */
public record Deployment(
    EnvironmentProfile profile,
    String account,
    String region,
    String drRegion,
    List<String> apiAllowedCidrs) {

  private static final Pattern IPV4_CIDR =
      Pattern.compile(
          "((25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1?\\d?\\d)/(3[0-2]|[12]?\\d)");

  public Deployment {
    Objects.requireNonNull(profile, "profile");
    apiAllowedCidrs = List.copyOf(Objects.requireNonNull(apiAllowedCidrs, "apiAllowedCidrs"));
    for (String cidr : apiAllowedCidrs) {
      if (!IPV4_CIDR.matcher(cidr).matches()) {
        throw new IllegalArgumentException(
            "apiAllowedCidrs: '" + cidr + "' is not an IPv4 CIDR such as 203.0.113.0/24");
      }
      if (cidr.endsWith("/0")) {
        // The reason for the list: an endpoint open to any address is what it replaces.
        throw new IllegalArgumentException(
            "apiAllowedCidrs: " + cidr + " admits every address; name the operators' ranges");
      }
    }
    requireText(account, "account");
    requireText(region, "region");
    requireText(drRegion, "drRegion");
    if (region.equals(drRegion)) {
      // A copy in the same region does not survive the loss of that region.
      throw new IllegalArgumentException("drRegion must differ from region: " + region);
    }
  }

  /** A deployment whose cluster API is reachable from its VPC only. */
  public Deployment(EnvironmentProfile profile, String account, String region, String drRegion) {
    this(profile, account, region, drRegion, List.of());
  }

  /**
   * Reads {@code env}, {@code region}, {@code drRegion}, {@code account} and {@code
   * apiAllowedCidrs} (comma-separated, required for prod) from the CDK context (the account falls
   * back to the CLI's {@code CDK_DEFAULT_ACCOUNT}).
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
    EnvironmentProfile profile = EnvironmentProfile.named(env);
    List<String> cidrs = cidrs(context(node, "apiAllowedCidrs"));
    if (profile == EnvironmentProfile.PROD && cidrs.isEmpty()) {
      // Prod is operated from outside the VPC (CI, on-call laptops): say from where.
      throw new IllegalArgumentException(
          "Missing context: -c apiAllowedCidrs=203.0.113.0/24,... (required for prod: the"
              + " ranges the EKS API endpoint admits)");
    }
    return new Deployment(
        profile, account, context(node, "region"), context(node, "drRegion"), cidrs);
  }

  /** The comma-separated list of the {@code apiAllowedCidrs} context, blanks dropped. */
  static List<String> cidrs(String commaSeparated) {
    if (commaSeparated == null) {
      return List.of();
    }
    return Arrays.stream(commaSeparated.split(","))
        .map(String::trim)
        .filter(cidr -> !cidr.isEmpty())
        .toList();
  }

  /** The same environment moved to another region, with another region for its copies. */
  public Deployment movedTo(String newRegion, String newDrRegion) {
    return new Deployment(profile, account, newRegion, newDrRegion, apiAllowedCidrs);
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

  /**
   * The PITR replica in this region of the deployment whose DR region this is (the same
   * environment's other region, with the regions swapped): what a standby here replicates from, and
   * after a failover what the old primary region replicates back from.
   */
  public String incomingPitrReplicaBucketName() {
    return "notejam-" + environmentName() + "-" + region + "-pitr-replica-" + account;
  }

  /** The alias of the key of {@link #incomingPitrReplicaBucketName()}, in this region. */
  public String incomingPitrReplicaKeyAlias() {
    return keyAlias("pitr-from-" + drRegion);
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
