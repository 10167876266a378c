package net.notejam.application;

import jakarta.persistence.EntityManager;
import java.util.Optional;
import net.notejam.persistence.User;

/** Looks up accounts by email, the way every service compares emails. */
final class Users {

  private Users() {}

  /** The user with this email (ignoring case and blanks); empty for a blank or over-long one. */
  static Optional<User> byEmail(EntityManager em, String email) {
    if (email == null
        || email.isBlank()
        || email.strip().length() > Credentials.EMAIL_MAX_LENGTH) {
      return Optional.empty();
    }
    return em.createNamedQuery(User.BY_EMAIL, User.class)
        .setParameter("email", Credentials.normalizeEmail(email))
        .getResultStream()
        .findFirst();
  }
}
