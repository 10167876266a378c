package net.notejam.persistence;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The HTTP sessions users signed in with ({@code signed_in_sessions}, V8): one row per sign-in, so
 * that closing an account can delete that user's session rows, which Liberty's session manager
 * keeps without naming their user (README "Performance"). Native SQL, as for {@link JobRuns}: the
 * rows are a key and two columns, not an entity anything else reads. PostgreSQL and H2 alike.
 */
public final class SignedInSessions {

  private SignedInSessions() {}

  /**
   * Records that {@code sessionId} is signed in as {@code userId} since {@code now}, and forgets
   * the sign-ins from before {@code endedBefore}: their sessions have outlived the absolute
   * lifetime and ended.
   */
  public static void record(
      EntityManager em, String sessionId, long userId, Instant now, Instant endedBefore) {
    em.createNativeQuery(
            "delete from signed_in_sessions where signed_in_at < ?1 or session_id = ?2")
        .setParameter(1, OffsetDateTime.ofInstant(endedBefore, ZoneOffset.UTC))
        .setParameter(2, sessionId)
        .executeUpdate();
    em.createNativeQuery(
            "insert into signed_in_sessions (session_id, user_id, signed_in_at) values (?1, ?2, ?3)")
        .setParameter(1, sessionId)
        .setParameter(2, userId)
        .setParameter(3, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
        .executeUpdate();
  }

  /**
   * Deletes the HTTP session rows of every session {@code userId} signed in with, and the records
   * of those sign-ins. Only on PostgreSQL, where Liberty keeps sessions in the table {@code
   * sessions}; on H2 they are in the memory of the one server, and end at their next request.
   */
  static void deleteAllOf(EntityManager em, long userId) {
    if (Databases.isPostgresql(em)) {
      em.createNativeQuery(
              "delete from sessions where id in"
                  + " (select session_id from signed_in_sessions where user_id = ?1)")
          .setParameter(1, userId)
          .executeUpdate();
    }
    em.createNativeQuery("delete from signed_in_sessions where user_id = ?1")
        .setParameter(1, userId)
        .executeUpdate();
  }
}
