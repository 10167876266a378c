package net.notejam.application.error;

/**
 * Input that the pages should already have refused (too long, empty): the service refuses it too,
 * so no caller can store what the schema or the hashing cannot take.
 */
public class InvalidInput extends NotejamException {

  private static final long serialVersionUID = 1L;

  public InvalidInput(String message) {
    super(message);
  }
}
