package net.notejam.application.error;

/** A password check (such as the old password when changing it) that did not match. */
public class WrongPassword extends NotejamException {

  private static final long serialVersionUID = 1L;

  public WrongPassword() {
    super("Incorrect old password");
  }
}
