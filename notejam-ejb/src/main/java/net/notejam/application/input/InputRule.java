package net.notejam.application.input;

import java.util.Optional;
import java.util.regex.Pattern;
import net.notejam.application.error.InvalidInput;
import net.notejam.persistence.Note;
import net.notejam.persistence.Pad;
import net.notejam.persistence.User;

/**
 * Every rule for what a user may type, each with its messages, written once: the forms check them
 * through Bean Validation ({@link Input @Input(PAD_NAME)} on a field), the services call {@link
 * #check} so that no other caller can store what the schema or the hashing cannot take. The lengths
 * are the columns' (on the entities); the password bounds are Notejam's own.
 */
public enum InputRule {
  PAD_NAME(0, Pad.NAME_MAX_LENGTH, null, Messages.NAME_TOO_LONG),
  NOTE_NAME(0, Note.NAME_MAX_LENGTH, null, Messages.NAME_TOO_LONG),
  NOTE_TEXT(0, Note.TEXT_MAX_LENGTH, null, "Text must be at most %2$d characters long"),
  /** An email as typed to sign in: any that an account could have. */
  EMAIL(0, User.EMAIL_MAX_LENGTH, null, Messages.EMAIL_TOO_LONG),
  /** An email to sign up with or to mail a link to: one with a dotted domain. */
  DELIVERABLE_EMAIL(
      0, User.EMAIL_MAX_LENGTH, "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", Messages.EMAIL_TOO_LONG),
  /** A password as typed to sign in or to confirm a change: only bounded, like every password. */
  PASSWORD(0, Messages.PASSWORD_MAX_LENGTH, null, Messages.PASSWORD_LENGTH),
  NEW_PASSWORD(
      Messages.PASSWORD_MIN_LENGTH, Messages.PASSWORD_MAX_LENGTH, null, Messages.PASSWORD_LENGTH),
  /** The words of a search: bounded, so that nobody makes the database parse pages of them. */
  SEARCH(
      0, 200, null, "Search for at most %2$d characters", "Type a word to search your notes for");

  public static final String REQUIRED = "This field is required";
  public static final String INVALID_EMAIL = "Invalid email address";

  /** The texts and bounds several rules share (an enum's constants cannot use its own fields). */
  private static final class Messages {
    static final int PASSWORD_MIN_LENGTH = 8;

    /** Bounded so that nobody can make the server hash megabytes. */
    static final int PASSWORD_MAX_LENGTH = 1000;

    static final String NAME_TOO_LONG = "Name must be at most %2$d characters long";
    static final String EMAIL_TOO_LONG = "Email must be at most %2$d characters long";
    static final String PASSWORD_LENGTH =
        "Password must be " + PASSWORD_MIN_LENGTH + " to %2$d characters long";
  }

  private final int minLength;
  private final int maxLength;
  private final Pattern format;
  private final String lengthMessage;

  private final String requiredMessage;

  InputRule(int minLength, int maxLength, String format, String lengthMessage) {
    this(minLength, maxLength, format, lengthMessage, REQUIRED);
  }

  InputRule(
      int minLength, int maxLength, String format, String lengthMessage, String requiredMessage) {
    this.requiredMessage = requiredMessage;
    this.minLength = minLength;
    this.maxLength = maxLength;
    this.format = format == null ? null : Pattern.compile(format);
    this.lengthMessage = String.format(lengthMessage, minLength, maxLength);
  }

  /** What is wrong with {@code value}, as the form says it under the field; empty when nothing. */
  public Optional<String> problem(String value) {
    if (value == null || value.isBlank()) {
      return Optional.of(requiredMessage);
    }
    if (value.length() < minLength || value.length() > maxLength) {
      return Optional.of(lengthMessage);
    }
    if (format != null && !format.matcher(value).matches()) {
      return Optional.of(INVALID_EMAIL);
    }
    return Optional.empty();
  }

  public boolean accepts(String value) {
    return problem(value).isEmpty();
  }

  /** {@code value} if the rule accepts it; {@link InvalidInput} with the form's message if not. */
  public String check(String value) {
    problem(value)
        .ifPresent(
            message -> {
              throw new InvalidInput(message);
            });
    return value;
  }

  public int maxLength() {
    return maxLength;
  }
}
