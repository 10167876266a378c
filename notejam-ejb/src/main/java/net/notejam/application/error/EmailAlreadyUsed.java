package net.notejam.application.error;

/** Sign-up with an email that already has an account. */
public class EmailAlreadyUsed extends NotejamException {

  private static final long serialVersionUID = 1L;

  public EmailAlreadyUsed() {
    super("User with this email is already signed up");
  }
}
