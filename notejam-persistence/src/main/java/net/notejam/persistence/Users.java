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

  /**
   * Deletes {@code user} with everything of theirs: reset links, notes and pads (those in the trash
   * too), then the account row. Nothing of the user is left for a later request to find.
   */
  public static void delete(EntityManager em, User user) {
    em.createNamedQuery(PasswordResetToken.DELETE_ALL_OF)
        .setParameter("owner", user)
        .executeUpdate();
    em.createNamedQuery(Note.DELETE_OWNED_BY).setParameter("owner", user).executeUpdate();
    em.createNamedQuery(Pad.DELETE_OWNED_BY).setParameter("owner", user).executeUpdate();
    // Signed out everywhere (also done by the foreign key's cascade; said here, where it matters).
    SignIns.endAllOf(em, user.getId());
    em.remove(user);
  }
}
