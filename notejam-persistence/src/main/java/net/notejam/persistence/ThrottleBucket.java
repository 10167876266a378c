package net.notejam.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/**
 * Failures counted against one key (an account or a client address for one purpose), shared by
 * every instance through the database. The throttling policy (how many, how long) belongs to the
 * service that reads it; this row only remembers.
 */
@Entity
@Table(name = "throttle_buckets")
public class ThrottleBucket {

  public static final int KEY_MAX_LENGTH = 100;

  @Id
  @Column(name = "bucket_key", length = KEY_MAX_LENGTH)
  private String key;

  @Column(name = "failures", nullable = false)
  private int failures;

  @Column(name = "window_start", nullable = false)
  private Instant windowStart;

  @Column(name = "locked_until")
  private Instant lockedUntil;

  @Column(name = "lockouts", nullable = false)
  private int lockouts;

  @Column(name = "last_failure", nullable = false)
  private Instant lastFailure;

  protected ThrottleBucket() {
    // for JPA
  }

  public int getFailures() {
    return failures;
  }

  public int getLockouts() {
    return lockouts;
  }

  /** True when the last failure came before {@code since}: the failures counted are stale. */
  public boolean failedLastBefore(Instant since) {
    return lastFailure.isBefore(since);
  }

  /** When the current window ends, for windows {@code length} long. */
  public Instant windowEnd(Duration length) {
    return windowStart.plus(length);
  }

  /** True while attempts for this key are refused. */
  public boolean isLockedAt(Instant now) {
    return lockedUntil != null && now.isBefore(lockedUntil);
  }

  /** Starts counting afresh from {@code now} (a new window); lock-outs are remembered. */
  public void restartWindow(Instant now) {
    failures = 0;
    windowStart = now;
  }

  /** Forgets everything: failures, lock-outs. */
  public void forget(Instant now) {
    restartWindow(now);
    lockouts = 0;
    lockedUntil = null;
  }

  /** One more failure at {@code now}; returns the count in the current window. */
  public int fail(Instant now) {
    lastFailure = now;
    return ++failures;
  }

  /** Refuses attempts until {@code until}, counting it as one more lock-out. */
  public void lockUntil(Instant until) {
    lockedUntil = until;
    lockouts++;
  }
}
