package net.notejam.application.error;

/**
 * The pad or note was changed elsewhere (another tab, another device) since this form was opened:
 * its version is no longer the one the form was filled from.
 */
public class EditConflict extends NotejamException {

  private static final long serialVersionUID = 1L;

  /** {@code what}: "note" or "pad", as the message names it. */
  public EditConflict(String what) {
    super(
        "This "
            + what
            + " was changed elsewhere after you opened it. Your changes were not saved:"
            + " the form now shows the latest version.");
  }
}
