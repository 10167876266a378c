package net.notejam.aws;

import java.util.Locale;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.s3.ObjectLockRetention;

/**
 * What differs between dev, test and prod: address space, NAT redundancy, node sizes and how hard
 * the backup lock is. Everything else (three zones, 3-year retention, tags) is the same everywhere
 * so that test and prod behave like each other.
 */
public enum EnvironmentProfile {
  /** One NAT gateway: dev tolerates losing egress with a zone, and NAT is priced per gateway. */
  DEV("10.10.0.0/16", 1, new NodesPerZone("m6i.large", 1, 1, 2), 1, false, false),
  /** Prod's instance type, so that performance tests on test say something about prod. */
  TEST("10.20.0.0/16", 1, new NodesPerZone("m6i.xlarge", 1, 1, 2), 2, false, false),
  /**
   * One NAT gateway per zone so that losing a zone does not cut egress of the other two; nodes
   * sized in {@link CapacityPlan}; backups locked in compliance mode (not even root can shorten).
   */
  PROD("10.30.0.0/16", 3, new NodesPerZone("m6i.xlarge", 1, 2, 4), 3, true, true);

  /** The node group of each zone: instance type and minimum, desired and maximum size. */
  public record NodesPerZone(String instanceType, int min, int desired, int max) {}

  private final String cidr;
  private final int natGateways;
  private final NodesPerZone nodesPerZone;
  private final int databaseInstances;
  private final boolean complianceLock;
  private final boolean terminationProtection;

  EnvironmentProfile(
      String cidr,
      int natGateways,
      NodesPerZone nodesPerZone,
      int databaseInstances,
      boolean complianceLock,
      boolean terminationProtection) {
    this.cidr = cidr;
    this.natGateways = natGateways;
    this.nodesPerZone = nodesPerZone;
    this.databaseInstances = databaseInstances;
    this.complianceLock = complianceLock;
    this.terminationProtection = terminationProtection;
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

  /** VPC range; distinct per environment so environments can be peered later. */
  public String cidr() {
    return cidr;
  }

  public int natGateways() {
    return natGateways;
  }

  public NodesPerZone nodesPerZone() {
    return nodesPerZone;
  }

  /** CloudNativePG instances (primary + standbys) the node groups must make room for. */
  public int databaseInstances() {
    return databaseInstances;
  }

  public boolean terminationProtection() {
    return terminationProtection;
  }

  /** Default Object Lock retention of logical backups: {@link BackupPolicy#RETENTION_DAYS}. */
  public ObjectLockRetention backupLock() {
    Duration period = Duration.days(BackupPolicy.RETENTION_DAYS);
    // Governance outside prod: an administrator can still clean up a dev bucket with a bypass.
    return complianceLock
        ? ObjectLockRetention.compliance(period)
        : ObjectLockRetention.governance(period);
  }
}
