package net.notejam.application.error;

import jakarta.ejb.ApplicationException;

/**
 * An expected failure of a use case that the web layer turns into a message or a 404. Rolls the
 * transaction back, so nothing is half saved.
 */
@ApplicationException(rollback = true)
public class NotejamException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public NotejamException(String message) {
    super(message);
  }
}
