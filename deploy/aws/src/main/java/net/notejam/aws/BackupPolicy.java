package net.notejam.aws;

/**
 * The backup contract shared with the Kubernetes side (deploy/): tag names and retention.
 *
 * <p>Data Lifecycle Manager can only manage snapshots it creates itself, and it selects
 * <em>volumes</em> by tag: the StorageClass of the database volumes tags each with {@link
 * #BACKUP_TAG} = {@link #backupTagValue} of its namespace (EBS CSI parameter {@code
 * tagSpecification_2: "notejam/backup=volume-snapshot-{{ .PVCNamespace }}"}), so that each
 * environment's policy selects its own volumes only, even with several environments in one account
 * and region. The VolumeSnapshotClass tags CloudNativePG's own snapshots the same way. The daily
 * DLM snapshots copy the volume's tag and add {@link #RETENTION_TAG} with the environment's
 * retention ({@link EnvironmentProfile#snapshotRetention()}).
 */
public final class BackupPolicy {
  public static final String BACKUP_TAG = "notejam/backup";
  public static final String RETENTION_TAG = "notejam/retention";

  /** The {@link #BACKUP_TAG} value of the database volumes in Kubernetes namespace {@code ns}. */
  public static String backupTagValue(String namespace) {
    return "volume-snapshot-" + namespace;
  }

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

  /**
   * Pruned WAL and base backups stay this long as noncurrent versions; in the PITR replica, where
   * nothing prunes (deletes are not replicated), objects expire this long after the window.
   */
  public static final int PITR_PRUNED_KEPT_DAYS = 7;

  /** Move dumps to Glacier Instant Retrieval: still restorable in milliseconds. */
  public static final int INSTANT_ARCHIVE_AFTER_DAYS = 30;

  /** Move dumps to Glacier Flexible Retrieval: restores take hours, fine for old dumps. */
  public static final int ARCHIVE_AFTER_DAYS = 90;

  /** UTC time of the daily DLM snapshot: the quietest hour for European users. */
  public static final String DAILY_SNAPSHOT_TIME = "02:00";

  private BackupPolicy() {}
}
