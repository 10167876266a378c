package net.notejam.aws;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
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
        Key.Builder.create(this, "RecoveryKey")
            .alias(
                "notejam-" + deployment.environmentName() + "-recovery-from-" + deployment.region())
            .description("Encrypts snapshot copies and backup replicas of " + deployment.prefix())
            .enableKeyRotation(true)
            // Deleting the key would make 3 years of copies unreadable.
            .removalPolicy(RemovalPolicy.RETAIN)
            .pendingWindow(Duration.days(30))
            .build();

    this.replicaBucket =
        Bucket.Builder.create(this, "BackupReplica")
            .bucketName(deployment.replicaBucketName())
            .versioned(true)
            .encryption(BucketEncryption.KMS)
            .encryptionKey(key)
            .bucketKeyEnabled(true)
            .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
            .enforceSsl(true)
            .objectLockEnabled(true)
            .objectLockDefaultRetention(deployment.profile().backupLock())
            .lifecycleRules(BackupStorage.lifecycle())
            .removalPolicy(RemovalPolicy.RETAIN)
            .build();
  }

  public Key key() {
    return key;
  }

  public Bucket replicaBucket() {
    return replicaBucket;
  }
}
