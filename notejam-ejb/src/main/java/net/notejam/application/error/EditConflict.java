package net.notejam.application.error;

/** The note was changed elsewhere (another tab, another device) since this form was opened. */
public class EditConflict extends NotejamException {

  private static final long serialVersionUID = 1L;

  public EditConflict() {
    super(
        "This note was changed elsewhere after you opened it. Your changes were not saved:"
            + " the form now shows the latest version.");
  }
}
