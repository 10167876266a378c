package net.notejam.web;

import net.notejam.application.Credentials;
import net.notejam.application.Names;

/** The wording of the forms' field errors, as Notejam has them. */
public final class FormMessages {

  public static final String REQUIRED = "This field is required";
  public static final String INVALID_EMAIL = "Invalid email address";
  public static final String EMAIL_TOO_LONG =
      "Email must be at most " + Credentials.EMAIL_MAX_LENGTH + " characters long";
  public static final String PASSWORD_LENGTH =
      "Password must be "
          + Credentials.PASSWORD_MIN_LENGTH
          + " to "
          + Credentials.PASSWORD_MAX_LENGTH
          + " characters long";

  public static final String NAME_TOO_LONG =
      "Name must be at most " + Names.NAME_MAX_LENGTH + " characters long";
  public static final String TEXT_TOO_LONG =
      "Text must be at most " + Names.TEXT_MAX_LENGTH + " characters long";

  /** Jakarta's {@code @Email} accepts {@code a@b}; Notejam wants a dotted domain. */
  public static final String EMAIL_WITH_DOMAIN = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$";

  private FormMessages() {}
}
