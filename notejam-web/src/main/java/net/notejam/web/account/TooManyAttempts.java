package net.notejam.web.account;

import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletResponse;
import net.notejam.web.Feedback;

/**
 * The answer to a form the throttle refused: the same page again, status 429, one message. It says
 * nothing about the account (known or not, locked or not: the same words).
 */
final class TooManyAttempts {

  static final String MESSAGE = "Too many attempts, try again later";

  private TooManyAttempts() {}

  /** Answers this request with 429 and the message; the page renders as usual around it. */
  static String answer() {
    FacesContext faces = FacesContext.getCurrentInstance();
    ((HttpServletResponse) faces.getExternalContext().getResponse()).setStatus(429);
    Feedback.error(MESSAGE);
    return null;
  }
}
