package net.notejam.aws;

import java.util.List;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.CfnTag;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.dlm.CfnLifecyclePolicy;
import software.amazon.awscdk.services.iam.ManagedPolicy;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.StorageClass;
import software.constructs.Construct;

/**
 * Keeps every note recoverable for 3 years, also after losing the region: the KMS key of the
 * database volumes, daily volume snapshots copied to the DR region (Data Lifecycle Manager), and
 * the bucket for logical backups (pg_dump custom format), replicated to the DR region; and the
 * database's WAL archive for point-in-time recovery over the last 35 days, replicated too.
 */
public final class DataProtectionStack extends NotejamStack {
  private final Key volumeKey;
  private final Bucket backupBucket;
  private final Bucket pitrBucket;

  public DataProtectionStack(Construct scope, Deployment deployment, RecoveryStack recovery) {
    super(
        scope,
        deployment,
        "data-protection",
        "volume key, 3-year snapshots and logical backups, copied to " + deployment.drRegion(),
        Holds.BACKUPS);
    addStackDependency(recovery, "copies snapshots and backups into its key and bucket");
    // Imported, so that grants go into this stack's policies: granting on the key itself would
    // make the recovery stack reference this one, a cycle across regions.
    IKey recoveryKey = Key.fromKeyArn(this, "RecoveryKey", recovery.key().getKeyArn());

    this.volumeKey =
        BackupStorage.key(
            this,
            "VolumeKey",
            deployment.keyAlias("volumes"),
            "Encrypts the EBS volumes and snapshots of " + deployment.prefix());

    addSnapshotPolicy(deployment, recoveryKey);
    this.backupBucket = backupBucket(deployment, recoveryKey);
    this.pitrBucket = pitrBucket(deployment, recovery);

    CfnOutput.Builder.create(this, "VolumeKeyArn")
        .description("kmsKeyId of the database StorageClass")
        .value(volumeKey.getKeyArn())
        .build();
    CfnOutput.Builder.create(this, "BackupBucketName")
        .description("Bucket of the pg_dump job")
        .value(backupBucket.getBucketName())
        .build();
    CfnOutput.Builder.create(this, "PitrBucketName")
        .description("WAL archive and base backups (the overlays' pitrDestination)")
        .value(pitrBucket.getBucketName())
        .build();
  }

  /**
   * The database's WAL archive and base backups (CloudNativePG's Barman Cloud plugin, ObjectStore
   * notejam-db-pitr), for recovery to any second of {@link BackupPolicy#PITR_WINDOW_DAYS}: each
   * object locked that long, so a compromised cluster cannot erase the window, and pruned by the
   * plugin once it falls out of it. A delete leaves a version behind, gone a week later. Every
   * object is copied to the recovery stack's PITR replica, under its own key in the DR region.
   */
  private Bucket pitrBucket(Deployment deployment, RecoveryStack recovery) {
    Key key =
        BackupStorage.key(
            this,
            "PitrKey",
            deployment.keyAlias("pitr"),
            "Encrypts the WAL archive and base backups of " + deployment.prefix());
    return BackupStorage.lockedBucket(
            this,
            "PitrArchive",
            deployment.pitrBucketName(),
            key,
            deployment.profile().pitrLock(),
            BackupStorage.pitrLifecycle(false))
        .replicationRules(
            List.of(
                BackupStorage.replicationTo(
                    this,
                    deployment,
                    "PitrReplica",
                    deployment.pitrReplicaBucketName(),
                    // Imported by ARN, as the recovery key: no reference from the DR region's
                    // stack back to this one.
                    Key.fromKeyArn(this, "PitrReplicaKey", recovery.pitrKey().getKeyArn()),
                    // A recovery reads all of it at once, and it is deleted after 6 weeks: the
                    // minimum storage durations of the colder classes would cost more.
                    null)))
        .build();
  }

  private void addSnapshotPolicy(Deployment deployment, IKey recoveryKey) {
    Role role =
        Role.Builder.create(this, "SnapshotPolicyRole")
            .assumedBy(new ServicePrincipal("dlm.amazonaws.com"))
            .managedPolicies(
                List.of(
                    ManagedPolicy.fromAwsManagedPolicyName(
                        "service-role/AWSDataLifecycleManagerServiceRole")))
            .build();
    // Snapshots of encrypted volumes are read with the volume key and re-encrypted for the copy.
    for (IKey key : List.of(volumeKey, recoveryKey)) {
      key.grant(
          role,
          "kms:Encrypt",
          "kms:Decrypt",
          "kms:ReEncrypt*",
          "kms:GenerateDataKey*",
          "kms:DescribeKey",
          "kms:CreateGrant");
    }

    EnvironmentProfile.SnapshotRetention retention = deployment.profile().snapshotRetention();
    CfnLifecyclePolicy.RetainRuleProperty kept =
        CfnLifecyclePolicy.RetainRuleProperty.builder()
            .interval(retention.interval())
            .intervalUnit(retention.unit())
            .build();
    CfnLifecyclePolicy.CrossRegionCopyRuleProperty copyToRecoveryRegion =
        CfnLifecyclePolicy.CrossRegionCopyRuleProperty.builder()
            .target(deployment.drRegion())
            .encrypted(true)
            .cmkArn(recoveryKey.getKeyArn())
            .copyTags(true)
            .retainRule(
                CfnLifecyclePolicy.CrossRegionCopyRetainRuleProperty.builder()
                    .interval(retention.interval())
                    .intervalUnit(retention.unit())
                    .build())
            .build();

    CfnLifecyclePolicy policy =
        CfnLifecyclePolicy.Builder.create(this, "VolumeSnapshotPolicy")
            .description(
                ("Notejam "
                        + deployment.prefix()
                        + " daily volume snapshots kept "
                        + retention.label())
                    // DLM descriptions allow letters, digits, spaces, '-' and '_' only.
                    .replaceAll("[^0-9A-Za-z _-]", "-"))
            .state("ENABLED")
            .executionRoleArn(role.getRoleArn())
            .policyDetails(
                CfnLifecyclePolicy.PolicyDetailsProperty.builder()
                    .policyType("EBS_SNAPSHOT_MANAGEMENT")
                    .resourceTypes(List.of("VOLUME"))
                    .resourceLocations(List.of("CLOUD"))
                    // DLM selects volumes, not snapshots: the StorageClass tags the volumes, each
                    // with its namespace, so this environment's volumes only.
                    .targetTags(
                        List.of(
                            tag(
                                BackupPolicy.BACKUP_TAG,
                                BackupPolicy.backupTagValue(ClusterStack.namespace(deployment)))))
                    .schedules(
                        List.of(
                            CfnLifecyclePolicy.ScheduleProperty.builder()
                                .name("daily-kept-" + retention.label())
                                // Copies the volume's notejam/backup tag onto the snapshot.
                                .copyTags(true)
                                .tagsToAdd(
                                    List.of(tag(BackupPolicy.RETENTION_TAG, retention.label())))
                                .createRule(
                                    CfnLifecyclePolicy.CreateRuleProperty.builder()
                                        .interval(24)
                                        .intervalUnit("HOURS")
                                        .times(List.of(BackupPolicy.DAILY_SNAPSHOT_TIME))
                                        .build())
                                .retainRule(kept)
                                .crossRegionCopyRules(List.of(copyToRecoveryRegion))
                                .build()))
                    .build())
            .build();
    // Deleting the policy would leave its snapshots unmanaged, never expired: keep it.
    policy.applyRemovalPolicy(RemovalPolicy.RETAIN);
  }

  private Bucket backupBucket(Deployment deployment, IKey recoveryKey) {
    Key key =
        BackupStorage.key(
            this,
            "BackupKey",
            deployment.keyAlias("backups"),
            "Encrypts the logical backups of " + deployment.prefix());
    return BackupStorage.lockedBucket(
            this,
            "LogicalBackups",
            deployment.backupBucketName(),
            key,
            deployment.profile().backupLock())
        .replicationRules(
            List.of(
                BackupStorage.replicationTo(
                    this,
                    deployment,
                    "BackupReplica",
                    deployment.replicaBucketName(),
                    recoveryKey,
                    // Replicas are only read after losing the region: store them cheaper.
                    StorageClass.GLACIER_INSTANT_RETRIEVAL)))
        .build();
  }

  private static CfnTag tag(String key, String value) {
    return CfnTag.builder().key(key).value(value).build();
  }

  /** What the cluster stack grants its pods and add-ons access to. */
  public Stores stores() {
    return new Stores(volumeKey, backupBucket, pitrBucket);
  }

  /**
   * The stores of this stack that the cluster's roles use.
   *
   * @param volumeKey encrypts the database volumes (the EBS CSI driver's role)
   * @param backupBucket the logical backups (the pg_dump job's role)
   * @param pitrBucket the WAL archive (the database's and a recovered side cluster's roles)
   */
  public record Stores(Key volumeKey, Bucket backupBucket, Bucket pitrBucket) {}
}
