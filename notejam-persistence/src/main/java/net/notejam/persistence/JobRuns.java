package net.notejam.persistence;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Which instance runs a scheduled job this time: every instance schedules the job, and each turn
 * asks {@link #claim} first. The rows of {@code job_runs} (one per job, made by its migration) are
 * native SQL here, as the throttle's upsert is: JPA has no "skip locked".
 */
public final class JobRuns {

  private JobRuns() {}

  /**
   * True when this transaction may run {@code job} now: its row was not locked by another instance
   * (select for update skip locked: that one is running it, so this one does not wait) and its last
   * run began at or before {@code dueAfter}. Then the row stays locked until this transaction ends
   * and records {@code now} as its last run, so that the other instances skip their turns until the
   * interval has passed again. PostgreSQL and H2 (PostgreSQL mode) alike.
   */
  public static boolean claim(EntityManager em, String job, Instant now, Instant dueAfter) {
    boolean free =
        !em.createNativeQuery("select job from job_runs where job = ?1 for update skip locked")
            .setParameter(1, job)
            .getResultList()
            .isEmpty();
    return free
        && em.createNativeQuery(
                    "update job_runs set last_run = ?2"
                        + " where job = ?1 and (last_run is null or last_run <= ?3)")
                .setParameter(1, job)
                .setParameter(2, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .setParameter(3, OffsetDateTime.ofInstant(dueAfter, ZoneOffset.UTC))
                .executeUpdate()
            == 1;
  }
}
