package net.notejam.application.error;

/** A password reset link that is unknown, expired or already used. */
public class InvalidResetLink extends NotejamException {

  private static final long serialVersionUID = 1L;

  public InvalidResetLink() {
    super("This password reset link has expired or has already been used.");
  }
}
