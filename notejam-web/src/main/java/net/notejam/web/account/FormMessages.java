package net.notejam.web.account;

import net.notejam.service.Credentials;

/** The wording of the account forms' field errors, as Notejam has them. */
final class FormMessages {

  static final String REQUIRED = "This field is required";
  static final String INVALID_EMAIL = "Invalid email address";
  static final String EMAIL_TOO_LONG =
      "Email must be at most " + Credentials.EMAIL_MAX_LENGTH + " characters long";
  static final String PASSWORD_LENGTH =
      "Password must be "
          + Credentials.PASSWORD_MIN_LENGTH
          + " to "
          + Credentials.PASSWORD_MAX_LENGTH
          + " characters long";

  /** Jakarta's {@code @Email} accepts {@code a@b}; Notejam wants a dotted domain. */
  static final String EMAIL_WITH_DOMAIN = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$";

  private FormMessages() {}
}
