package net.notejam.aws;

import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.services.iam.ManagedPolicy;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.s3.Bucket;
import software.constructs.Construct;

/**
 * What must survive the loss of the primary region, kept in the disaster recovery region: the key
 * that encrypts the snapshot copies and the replica of the logical backup bucket, and the replica
 * of the PITR archive under a key of its own, with a read-only policy for whatever recovers from it
 * in this region.
 *
 * <p>Deployed before {@link DataProtectionStack}, which copies into it. A region move leaves this
 * stack alone: its copies are what the new region restores from.
 */
public final class RecoveryStack extends NotejamStack {
  private final Key key;
  private final Key pitrKey;
  private final Bucket replicaBucket;

  public RecoveryStack(Construct scope, Deployment deployment) {
    // Holds backups: the primary region's DLM policy and replication rule read the key's ARN.
    super(
        scope,
        deployment,
        deployment.recoveryStackName(),
        deployment.drEnvironment(),
        deployment.environmentName()
            + ": snapshot copies, backup and PITR replicas of "
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

    // A key of its own, as the primary's archive has: whoever may read the WAL (every note of the
    // last 35 days) needs this key, not the one of the snapshot copies.
    this.pitrKey =
        BackupStorage.key(
            this,
            "PitrReplicaKey",
            deployment.keyAlias("pitr-from-" + deployment.region()),
            "Encrypts the PITR archive replica of " + deployment.prefix());
    Bucket pitrReplicaBucket =
        BackupStorage.lockedBucket(
                this,
                "PitrReplica",
                deployment.pitrReplicaBucketName(),
                pitrKey,
                deployment.profile().pitrLock(),
                BackupStorage.pitrLifecycle(true))
            .build();
    // For a recovery in this region (README "Point-in-time recovery"): the role of the side or new
    // cluster that reads the replica gets this policy; it can change nothing.
    ManagedPolicy reader =
        ManagedPolicy.Builder.create(this, "PitrReplicaReader")
            .description("Reads the PITR archive replica of " + deployment.prefix())
            .build();
    pitrReplicaBucket.grantRead(reader);

    CfnOutput.Builder.create(this, "PitrReplicaBucketName")
        .description("WAL archive and base backups copied from " + deployment.region())
        .value(pitrReplicaBucket.getBucketName())
        .build();
    CfnOutput.Builder.create(this, "PitrReplicaReaderArn")
        .description("Managed policy: read the PITR replica (for a recovery in this region)")
        .value(reader.getManagedPolicyArn())
        .build();
  }

  /** Encrypts the snapshot copies and the logical backups' replica. */
  public Key key() {
    return key;
  }

  /** Encrypts the PITR archive's replica. */
  public Key pitrKey() {
    return pitrKey;
  }

  public Bucket replicaBucket() {
    return replicaBucket;
  }
}
