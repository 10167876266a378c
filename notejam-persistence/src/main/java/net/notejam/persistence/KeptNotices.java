package net.notejam.persistence;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The messages of a form post kept for the page its redirect shows ({@code kept_notices}, V9),
 * found by the SHA-256 of the token in the browser's cookie. Native SQL, as for {@link SignIns}.
 */
public final class KeptNotices {

  /** The longest text kept; the column's width. */
  public static final int MAX_LENGTH = 8000;

  private KeptNotices() {}

  /**
   * Keeps {@code messages} under {@code tokenHash}; deletes those kept before {@code keptBefore}.
   */
  public static void keep(
      EntityManager em, String tokenHash, String messages, Instant now, Instant keptBefore) {
    em.createNativeQuery("delete from kept_notices where kept_at < ?1")
        .setParameter(1, SignIns.at(keptBefore))
        .executeUpdate();
    em.createNativeQuery(
            "insert into kept_notices (token_hash, messages, kept_at) values (?1, ?2, ?3)")
        .setParameter(1, tokenHash)
        .setParameter(2, messages)
        .setParameter(3, SignIns.at(now))
        .executeUpdate();
  }

  /** The messages kept under {@code tokenHash} at or after {@code keptAfter}, deleted as taken. */
  public static Optional<String> take(EntityManager em, String tokenHash, Instant keptAfter) {
    List<?> found =
        em.createNativeQuery(
                "select messages from kept_notices where token_hash = ?1 and kept_at >= ?2")
            .setParameter(1, tokenHash)
            .setParameter(2, SignIns.at(keptAfter))
            .getResultList();
    em.createNativeQuery("delete from kept_notices where token_hash = ?1")
        .setParameter(1, tokenHash)
        .executeUpdate();
    return found.stream().map(String.class::cast).findFirst();
  }
}
