package net.notejam.persistence;

import jakarta.persistence.EntityManager;
import java.util.Optional;

/** The queries for accounts. */
public final class Users {

  private Users() {}

  /**
   * The user with this email, compared as {@link User#normalizeEmail} does; empty for a blank or
   * over-long one, which no account can have.
   */
  public static Optional<User> byEmail(EntityManager em, String email) {
    if (email == null || email.isBlank()) {
      return Optional.empty();
    }
    String normalized = User.normalizeEmail(email);
    if (normalized.length() > User.EMAIL_MAX_LENGTH) {
      return Optional.empty();
    }
    return em.createNamedQuery(User.BY_EMAIL, User.class)
        .setParameter("email", normalized)
        .getResultStream()
        .findFirst();
  }
}
