package net.notejam.aws;

import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.s3.Bucket;
import software.constructs.Construct;

/**
 * What must survive the loss of the primary region, kept in the disaster recovery region: the key
 * that encrypts the snapshot copies and the replica of the logical backup bucket.
 *
 * <p>Deployed before {@link DataProtectionStack}, which copies into it. A region move leaves this
 * stack alone: its copies are what the new region restores from.
 */
public final class RecoveryStack extends NotejamStack {
  private final Key key;
  private final Bucket replicaBucket;

  public RecoveryStack(Construct scope, Deployment deployment) {
    // Holds backups: the primary region's DLM policy and replication rule read the key's ARN.
    super(
        scope,
        deployment,
        deployment.recoveryStackName(),
        deployment.drEnvironment(),
        deployment.environmentName()
            + ": snapshot copies and backup replica of "
            + deployment.region()
            + " kept in "
            + deployment.drRegion(),
        Holds.BACKUPS);

    this.key =
        BackupStorage.key(
            this,
            "RecoveryKey",
            deployment.keyAlias("recovery-from-" + deployment.region()),
            "Encrypts snapshot copies and backup replicas of " + deployment.prefix());
    this.replicaBucket =
        BackupStorage.lockedBucket(
                this,
                "BackupReplica",
                deployment.replicaBucketName(),
                key,
                deployment.profile().backupLock())
            .build();
  }

  public Key key() {
    return key;
  }

  public Bucket replicaBucket() {
    return replicaBucket;
  }
}
