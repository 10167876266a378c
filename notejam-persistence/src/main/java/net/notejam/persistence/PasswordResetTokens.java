package net.notejam.persistence;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Optional;

/** The queries for password reset links. */
public final class PasswordResetTokens {

  private PasswordResetTokens() {}

  /** The link whose token has this hash, with its user. */
  public static Optional<PasswordResetToken> byHash(EntityManager em, String tokenHash) {
    return em.createNamedQuery(PasswordResetToken.BY_HASH, PasswordResetToken.class)
        .setParameter("hash", tokenHash)
        .getResultStream()
        .findFirst();
  }

  /** How many links {@code user} was sent after {@code since}: the rate limit counts them. */
  public static long countSince(EntityManager em, User user, Instant since) {
    return em.createNamedQuery(PasswordResetToken.COUNT_SINCE, Long.class)
        .setParameter("user", user)
        .setParameter("since", since)
        .getSingleResult();
  }

  /** Marks every outstanding link of {@code user} used at {@code now}. */
  public static void useAllOf(EntityManager em, User user, Instant now) {
    em.createNamedQuery(PasswordResetToken.USE_ALL_OF)
        .setParameter("now", now)
        .setParameter("user", user)
        .executeUpdate();
  }
}
