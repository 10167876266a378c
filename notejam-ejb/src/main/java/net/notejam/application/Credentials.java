package net.notejam.application;

import net.notejam.application.error.InvalidInput;
import net.notejam.persistence.User;

/** The rules for what an email address and a password may be, shared by pages and services. */
public final class Credentials {

  public static final int EMAIL_MAX_LENGTH = User.EMAIL_MAX_LENGTH;
  public static final int PASSWORD_MIN_LENGTH = 8;
  /** Bounded so that nobody can make the server hash megabytes. */
  public static final int PASSWORD_MAX_LENGTH = 1000;

  private Credentials() {}

  /** Emails are compared without regard to case or surrounding blanks. */
  public static String normalizeEmail(String email) {
    if (email == null || email.isBlank()) {
      throw new InvalidInput("Email is required");
    }
    String normalized = User.normalizeEmail(email);
    if (normalized.length() > EMAIL_MAX_LENGTH) {
      throw new InvalidInput("Email is longer than " + EMAIL_MAX_LENGTH + " characters");
    }
    return normalized;
  }

  /** Refuses a new password that is too short or too long. */
  public static void checkNewPassword(String password) {
    if (password == null || password.length() < PASSWORD_MIN_LENGTH) {
      throw new InvalidInput(
          "Password must be at least " + PASSWORD_MIN_LENGTH + " characters long");
    }
    if (password.length() > PASSWORD_MAX_LENGTH) {
      throw new InvalidInput(
          "Password must be at most " + PASSWORD_MAX_LENGTH + " characters long");
    }
  }
}
