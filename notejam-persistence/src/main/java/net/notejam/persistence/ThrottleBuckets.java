package net.notejam.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/** The queries for throttle buckets. */
public final class ThrottleBuckets {

  private ThrottleBuckets() {}

  /** The bucket of {@code key}, if any failure was counted for it; not locked. */
  public static Optional<ThrottleBucket> find(EntityManager em, String key) {
    return Optional.ofNullable(em.find(ThrottleBucket.class, key));
  }

  /**
   * The bucket of {@code key}, created empty if missing, locked for this transaction (select for
   * update), so that instances counting at the same time neither lose a failure nor both create the
   * row: the insert is "on conflict do nothing" (PostgreSQL, and H2 in PostgreSQL mode).
   */
  public static ThrottleBucket lock(EntityManager em, String key, Instant now) {
    em.createNativeQuery(
            "insert into throttle_buckets"
                + " (bucket_key, failures, window_start, lockouts, last_failure)"
                + " values (?1, 0, ?2, 0, ?2) on conflict do nothing")
        .setParameter(1, key)
        .setParameter(2, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
        .executeUpdate();
    return em.find(ThrottleBucket.class, key, LockModeType.PESSIMISTIC_WRITE);
  }

  /** Forgets the bucket of {@code key} (after a successful sign-in). */
  public static void delete(EntityManager em, String key) {
    em.createQuery("delete from ThrottleBucket b where b.key = :key")
        .setParameter("key", key)
        .executeUpdate();
  }

  /**
   * Deletes the buckets without a failure since {@code before} and not locked at {@code now}: they
   * would be forgotten when next used anyway. Returns how many.
   */
  public static int deleteStale(EntityManager em, Instant before, Instant now) {
    return em.createQuery(
            "delete from ThrottleBucket b where b.lastFailure < :before"
                + " and (b.lockedUntil is null or b.lockedUntil < :now)")
        .setParameter("before", before)
        .setParameter("now", now)
        .executeUpdate();
  }
}
