package net.notejam.application;

import net.notejam.application.error.InvalidInput;

/** The rules for pad and note names and note text, shared by pages and services. */
public final class Names {

  public static final int NAME_MAX_LENGTH = net.notejam.persistence.Note.NAME_MAX_LENGTH;
  public static final int TEXT_MAX_LENGTH = net.notejam.persistence.Note.TEXT_MAX_LENGTH;

  private Names() {}

  /** A name without surrounding blanks; refuses a blank or over-long one. */
  static String checkName(String name) {
    if (name == null || name.isBlank()) {
      throw new InvalidInput("Name is required");
    }
    String stripped = name.strip();
    if (stripped.length() > NAME_MAX_LENGTH) {
      throw new InvalidInput("Name must be at most " + NAME_MAX_LENGTH + " characters long");
    }
    return stripped;
  }

  /** Note text as typed; refuses a blank or over-long one. */
  static String checkText(String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidInput("Text is required");
    }
    if (text.length() > TEXT_MAX_LENGTH) {
      throw new InvalidInput("Text must be at most " + TEXT_MAX_LENGTH + " characters long");
    }
    return text;
  }
}
