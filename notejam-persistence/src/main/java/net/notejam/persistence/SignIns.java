package net.notejam.persistence;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * The signed-in sessions ({@code sign_ins}, V9): a row per sign-in, found by the SHA-256 of the
 * token in the user's cookie. Native SQL, as for {@link JobRuns}: a key and a few columns that only
 * this class reads and writes, with a join no entity needs. PostgreSQL and H2 alike.
 */
public final class SignIns {

  private SignIns() {}

  /**
   * A sign-in found valid: its user, their email, the token its forms carry, whether its last seen
   * time is older than asked (so worth writing again), and the user's content version (V10: one
   * more at every write of their pads and notes).
   */
  public record Found(
      long userId, String email, String formToken, boolean seenLongAgo, long contentVersion) {}

  /**
   * Records the sign-in {@code tokenHash} of {@code userId} at the user's current credentials
   * version, and deletes the sign-ins that ended before: signed in before {@code signedInBefore}
   * (the absolute lifetime) or not seen since {@code seenBefore} (the idle timeout).
   */
  public static void record(
      EntityManager em,
      String tokenHash,
      long userId,
      String formToken,
      Instant now,
      Instant signedInBefore,
      Instant seenBefore) {
    em.createNativeQuery("delete from sign_ins where signed_in_at < ?1 or last_seen_at < ?2")
        .setParameter(1, at(signedInBefore))
        .setParameter(2, at(seenBefore))
        .executeUpdate();
    em.createNativeQuery(
            "insert into sign_ins (token_hash, user_id, credentials_version, form_token,"
                + " signed_in_at, last_seen_at)"
                + " select ?1, id, credentials_version, ?2, ?3, ?3 from users where id = ?4")
        .setParameter(1, tokenHash)
        .setParameter(2, formToken)
        .setParameter(3, at(now))
        .setParameter(4, userId)
        .executeUpdate();
  }

  /**
   * The sign-in {@code tokenHash} if it is still valid: signed in at or after {@code
   * signedInAfter}, seen at or after {@code seenAfter}, and its user's password unchanged since
   * (the credentials version it signed in with). {@code seenLongAgo} tells whether it was last seen
   * before {@code refreshBefore}.
   */
  public static Optional<Found> find(
      EntityManager em,
      String tokenHash,
      Instant signedInAfter,
      Instant seenAfter,
      Instant refreshBefore) {
    List<?> rows =
        em.createNativeQuery(
                "select s.user_id, u.email, s.form_token,"
                    + " case when s.last_seen_at < ?4 then 1 else 0 end, u.content_version"
                    + " from sign_ins s join users u on u.id = s.user_id"
                    + " where s.token_hash = ?1 and s.credentials_version = u.credentials_version"
                    + " and s.signed_in_at >= ?2 and s.last_seen_at >= ?3")
            .setParameter(1, tokenHash)
            .setParameter(2, at(signedInAfter))
            .setParameter(3, at(seenAfter))
            .setParameter(4, at(refreshBefore))
            .getResultList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Object[] row = (Object[]) rows.get(0);
    return Optional.of(
        new Found(
            ((Number) row[0]).longValue(),
            (String) row[1],
            (String) row[2],
            ((Number) row[3]).intValue() == 1,
            ((Number) row[4]).longValue()));
  }

  /** Records that the sign-in {@code tokenHash} was seen at {@code now}. */
  public static void seen(EntityManager em, String tokenHash, Instant now) {
    em.createNativeQuery("update sign_ins set last_seen_at = ?2 where token_hash = ?1")
        .setParameter(1, tokenHash)
        .setParameter(2, at(now))
        .executeUpdate();
  }

  /**
   * After a password change in the sign-in {@code tokenHash} of {@code userId}: it carries on at
   * the user's new {@code credentialsVersion}, while their other sign-ins end.
   */
  public static void keepAtVersion(
      EntityManager em, String tokenHash, long userId, long credentialsVersion) {
    em.createNativeQuery(
            "update sign_ins set credentials_version = ?3 where token_hash = ?1 and user_id = ?2")
        .setParameter(1, tokenHash)
        .setParameter(2, userId)
        .setParameter(3, credentialsVersion)
        .executeUpdate();
  }

  /** Ends the sign-in {@code tokenHash} (signing out). */
  public static void end(EntityManager em, String tokenHash) {
    em.createNativeQuery("delete from sign_ins where token_hash = ?1")
        .setParameter(1, tokenHash)
        .executeUpdate();
  }

  /** Ends every sign-in of {@code userId} (closing the account). */
  static void endAllOf(EntityManager em, long userId) {
    em.createNativeQuery("delete from sign_ins where user_id = ?1")
        .setParameter(1, userId)
        .executeUpdate();
  }

  static OffsetDateTime at(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
