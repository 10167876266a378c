package net.notejam.aws;

/**
 * The backup contract shared with the Kubernetes side (deploy/): tag names and retention.
 *
 * <p>The VolumeSnapshotClass tags CSI snapshots with {@link #BACKUP_TAG}={@link #BACKUP_TAG_VALUE}
 * and {@link #RETENTION_TAG}={@link #RETENTION_TAG_VALUE}. Data Lifecycle Manager can only manage
 * snapshots it creates itself, and it selects <em>volumes</em> by tag: the StorageClass of the
 * database volumes must therefore carry the same {@link #BACKUP_TAG} (EBS CSI parameter {@code
 * tagSpecification_1: "notejam/backup=volume-snapshot"}). The daily DLM snapshots then carry the
 * same two tags as the CSI ones.
 */
public final class BackupPolicy {
  public static final String BACKUP_TAG = "notejam/backup";
  public static final String BACKUP_TAG_VALUE = "volume-snapshot";
  public static final String RETENTION_TAG = "notejam/retention";
  public static final String RETENTION_TAG_VALUE = "3y";

  /** Every note must be recoverable for 3 years. */
  public static final int RETENTION_YEARS = 3;

  /** 3 years in days, counting one leap day, for services that only take days. */
  public static final int RETENTION_DAYS = 3 * 365 + 1;

  /**
   * Logical backups expire this long after their lock ends, so that nothing is deleted while still
   * locked and a late audit still finds the last dumps.
   */
  public static final int EXPIRY_MARGIN_DAYS = 30;

  /**
   * How far back point-in-time recovery reaches: the WAL archive and base backups of the PITR
   * bucket are kept (and locked) this long. Older states come from the 3-year logical backups and
   * volume snapshots.
   */
  public static final int PITR_WINDOW_DAYS = 35;

  /** Move dumps to Glacier Instant Retrieval: still restorable in milliseconds. */
  public static final int INSTANT_ARCHIVE_AFTER_DAYS = 30;

  /** Move dumps to Glacier Flexible Retrieval: restores take hours, fine for old dumps. */
  public static final int ARCHIVE_AFTER_DAYS = 90;

  /** UTC time of the daily DLM snapshot: the quietest hour for European users. */
  public static final String DAILY_SNAPSHOT_TIME = "02:00";

  private BackupPolicy() {}
}
