package net.notejam.aws;

import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.StorageClass;
import software.amazon.awscdk.services.s3.Transition;

/** The lifecycle shared by the logical backup bucket and its replica in the DR region. */
final class BackupStorage {
  private BackupStorage() {}

  /**
   * Colder storage as dumps age, expiry once the 3-year lock has ended plus a margin. Expiring the
   * current version only adds a delete marker; the locked version itself goes 30 days later.
   */
  static List<LifecycleRule> lifecycle() {
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
