package net.notejam.aws;

import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketAttributes;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectLockRetention;
import software.amazon.awscdk.services.s3.ReplicationRule;
import software.amazon.awscdk.services.s3.StorageClass;
import software.amazon.awscdk.services.s3.Transition;
import software.constructs.Construct;

/**
 * What the stores of backups share, in the primary region ({@link DataProtectionStack}) and in the
 * DR region ({@link RecoveryStack}): the keys that encrypt them and the locked buckets of logical
 * backups and of the PITR archive.
 */
final class BackupStorage {
  private BackupStorage() {}

  /**
   * A key that backups (or the volumes they are taken from) are encrypted with, rotated yearly.
   * Deleting it would make 3 years of backups unreadable: it outlives its stack, and a deletion
   * scheduled by hand waits 30 days.
   */
  static Key key(Construct scope, String id, String alias, String description) {
    return Key.Builder.create(scope, id)
        .alias(alias)
        .description(description)
        .enableKeyRotation(true)
        .removalPolicy(RemovalPolicy.RETAIN)
        .pendingWindow(Duration.days(30))
        .build();
  }

  /**
   * A bucket of logical backups, still to be built (the primary adds its replication): versioned,
   * encrypted with {@code key}, private, TLS only, with the {@link #lifecycle()}, outliving its
   * stack. Object Lock with {@code lock} as the default retention: not even a compromised cluster
   * credential can delete or overwrite a dump for 3 years.
   */
  static Bucket.Builder lockedBucket(
      Construct scope, String id, String name, IKey key, ObjectLockRetention lock) {
    return lockedBucket(scope, id, name, key, lock, lifecycle());
  }

  /** The same with other lifecycle rules: for a store whose objects age otherwise. */
  static Bucket.Builder lockedBucket(
      Construct scope,
      String id,
      String name,
      IKey key,
      ObjectLockRetention lock,
      List<LifecycleRule> lifecycle) {
    return Bucket.Builder.create(scope, id)
        .bucketName(name)
        .versioned(true)
        .encryption(BucketEncryption.KMS)
        .encryptionKey(key)
        .bucketKeyEnabled(true)
        .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
        .enforceSsl(true)
        .objectLockEnabled(true)
        .objectLockDefaultRetention(lock)
        .lifecycleRules(lifecycle)
        .removalPolicy(RemovalPolicy.RETAIN);
  }

  /**
   * The rule that copies every new object of a primary bucket to its replica {@code replicaName} in
   * the DR region, re-encrypted there with {@code replicaKey} (a key of that region: the copy must
   * stay readable when the primary region is gone). By name rather than by reference: the name is
   * deterministic, the runbook uses it, and a reference would tie the stacks of two regions
   * together. A delete in the primary does not propagate to the copy.
   *
   * @param storageClass of the copies; {@code null} for the primary's
   */
  static ReplicationRule replicationTo(
      Construct scope,
      Deployment deployment,
      String id,
      String replicaName,
      IKey replicaKey,
      StorageClass storageClass) {
    IBucket replica =
        Bucket.fromBucketAttributes(
            scope,
            id,
            BucketAttributes.builder()
                .bucketName(replicaName)
                .account(deployment.account())
                .region(deployment.drRegion())
                .build());
    return ReplicationRule.builder()
        .id("copy-to-" + deployment.drRegion())
        .priority(1)
        .destination(replica)
        .kmsKey(replicaKey)
        .sseKmsEncryptedObjects(true)
        .storageClass(storageClass)
        .deleteMarkerReplication(false)
        .build();
  }

  /**
   * The PITR archive's lifecycle. In the primary the Barman Cloud plugin deletes what falls out of
   * the window, and nothing expires current objects (that could take the last base backup); the
   * pruned versions go a week later. The replica never sees those deletes, so there objects expire
   * a week after the window ({@code expireAfterWindow}): the lock (the window) has ended by then.
   */
  static List<LifecycleRule> pitrLifecycle(boolean expireAfterWindow) {
    LifecycleRule.Builder rule =
        LifecycleRule.builder()
            .noncurrentVersionExpiration(Duration.days(BackupPolicy.PITR_PRUNED_KEPT_DAYS))
            .expiredObjectDeleteMarker(!expireAfterWindow)
            .abortIncompleteMultipartUploadAfter(Duration.days(1));
    if (expireAfterWindow) {
      rule.id("expire-a-week-after-the-window")
          .expiration(
              Duration.days(BackupPolicy.PITR_WINDOW_DAYS + BackupPolicy.PITR_PRUNED_KEPT_DAYS));
    } else {
      rule.id("pruned-versions-gone-after-a-week");
    }
    return List.of(rule.build());
  }

  /**
   * Colder storage as dumps age, expiry once the 3-year lock has ended plus a margin. Expiring the
   * current version only adds a delete marker; the locked version itself goes 30 days later.
   */
  private static List<LifecycleRule> lifecycle() {
    return List.of(
        LifecycleRule.builder()
            .id("colder-with-age-expire-after-3-years")
            .transitions(
                List.of(
                    Transition.builder()
                        .storageClass(StorageClass.GLACIER_INSTANT_RETRIEVAL)
                        .transitionAfter(Duration.days(BackupPolicy.INSTANT_ARCHIVE_AFTER_DAYS))
                        .build(),
                    Transition.builder()
                        .storageClass(StorageClass.GLACIER)
                        .transitionAfter(Duration.days(BackupPolicy.ARCHIVE_AFTER_DAYS))
                        .build()))
            .expiration(
                Duration.days(BackupPolicy.RETENTION_DAYS + BackupPolicy.EXPIRY_MARGIN_DAYS))
            .noncurrentVersionExpiration(Duration.days(BackupPolicy.EXPIRY_MARGIN_DAYS))
            .abortIncompleteMultipartUploadAfter(Duration.days(7))
            .build());
  }
}
