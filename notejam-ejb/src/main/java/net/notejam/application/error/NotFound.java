package net.notejam.application.error;

/** The pad or note does not exist, or belongs to someone else: the same answer, a 404. */
public class NotFound extends NotejamException {

  private static final long serialVersionUID = 1L;

  public NotFound(String what, long id) {
    super(what + " " + id + " not found");
  }

  /** For a reference that is not even well-formed ({@code what} says which). */
  public NotFound(String what) {
    super(what + " not found");
  }
}
