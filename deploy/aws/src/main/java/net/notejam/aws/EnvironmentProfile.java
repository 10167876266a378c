package net.notejam.aws;

import java.util.Locale;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.s3.ObjectLockRetention;

/**
 * What differs between dev, test and prod: address space, NAT redundancy, node sizes and how hard
 * the backup lock is. Everything else (three zones, 3-year retention, tags) is the same everywhere
 * so that test and prod behave like each other.
 */
public enum EnvironmentProfile {
  /** One NAT gateway: dev tolerates losing egress with a zone, and NAT is priced per gateway. */
  DEV(new Settings("10.10.0.0/16", 1, new NodesPerZone("m6i.large", 1, 1, 2), 1, false, false)),
  /** Prod's database shape, so that failovers are rehearsed on test. */
  TEST(new Settings("10.20.0.0/16", 1, new NodesPerZone("m6i.large", 1, 1, 2), 2, false, false)),
  /**
   * One NAT gateway per zone so that losing a zone does not cut egress of the other two;
   * Karpenter's pool sized in {@link CapacityPlan}; backups locked in compliance mode (not even
   * root can shorten).
   */
  PROD(new Settings("10.30.0.0/16", 3, new NodesPerZone("m6i.large", 1, 1, 2), 3, true, true));

  /**
   * The values that differ between the environments.
   *
   * @param cidr VPC range; distinct per environment so environments can be peered later
   * @param natGateways NAT gateways of the VPC
   * @param nodesPerZone the system node group of each zone (Karpenter, CoreDNS, controllers); the
   *     app's and the database's nodes come from Karpenter's pool (deploy/platform/&lt;env&gt;)
   * @param databaseInstances CloudNativePG instances (primary + standbys)
   * @param complianceLock whether {@link EnvironmentProfile#backupLock()} is in compliance rather
   *     than governance mode
   * @param terminationProtection whether the stacks that hold backups are protected from deletion
   */
  public record Settings(
      String cidr,
      int natGateways,
      NodesPerZone nodesPerZone,
      int databaseInstances,
      boolean complianceLock,
      boolean terminationProtection) {}

  /**
   * A Data Lifecycle Manager retention: {@code interval} {@code unit}s (DAYS, WEEKS, MONTHS or
   * YEARS), {@code label} its short form for the snapshots' notejam/retention tag.
   */
  public record SnapshotRetention(int interval, String unit, String label) {}

  /** The system node group of each zone: instance type and minimum, desired and maximum size. */
  public record NodesPerZone(String instanceType, int min, int desired, int max) {}

  private final Settings settings;

  EnvironmentProfile(Settings settings) {
    this.settings = settings;
  }

  /** Parses the {@code env} context value (dev, test, prod). */
  public static EnvironmentProfile named(String name) {
    try {
      return valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "Unknown environment '" + name + "': use one of dev, test, prod", e);
    }
  }

  /** The lower-case name used in stack names, resource names and tags. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public Settings settings() {
    return settings;
  }

  /**
   * How long the daily volume snapshots are kept, here and in the DR region: 3 years in prod, where
   * every note must stay recoverable; far less in dev and test.
   */
  public SnapshotRetention snapshotRetention() {
    return switch (this) {
      case DEV -> new SnapshotRetention(7, "DAYS", "7d");
      case TEST -> new SnapshotRetention(30, "DAYS", "30d");
      case PROD -> new SnapshotRetention(BackupPolicy.RETENTION_YEARS, "YEARS", "3y");
    };
  }

  /**
   * How long CloudWatch keeps the cluster's container logs ({@link LogShipping}). The audit lines
   * ({@code module} notejam.audit) are in the same log group as the rest of the application's log,
   * and the security reviews look back a year (README "Audit trail"): prod keeps 400 days, a year
   * and a month of slack. Not the 3 years of the notes: those are recovered from backups, not from
   * logs, and every line carries a client address, personal data kept no longer than needed. Dev
   * and test keep what debugging needs, as their snapshots.
   */
  public RetentionDays logRetention() {
    return switch (this) {
      case DEV -> RetentionDays.ONE_WEEK;
      case TEST -> RetentionDays.ONE_MONTH;
      case PROD -> RetentionDays.THIRTEEN_MONTHS;
    };
  }

  /** Default Object Lock retention of logical backups: {@link BackupPolicy#RETENTION_DAYS}. */
  public ObjectLockRetention backupLock() {
    return lock(Duration.days(BackupPolicy.RETENTION_DAYS));
  }

  /** Default Object Lock retention of the PITR archive: {@link BackupPolicy#PITR_WINDOW_DAYS}. */
  public ObjectLockRetention pitrLock() {
    return lock(Duration.days(BackupPolicy.PITR_WINDOW_DAYS));
  }

  private ObjectLockRetention lock(Duration period) {
    // Governance outside prod: an administrator can still clean up a dev bucket with a bypass.
    return settings.complianceLock()
        ? ObjectLockRetention.compliance(period)
        : ObjectLockRetention.governance(period);
  }
}
