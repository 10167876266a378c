package net.notejam.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseEvent;
import jakarta.faces.event.PhaseId;
import jakarta.faces.event.PhaseListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The page-wide messages of a post ("Note saved") carried over its redirect to the page that shows
 * them. In place of the Faces flash, which gave every visitor a session (and a database row) on
 * every page, just for the chance of a message: here a session is only used when there is a message
 * to carry, and a signed-in user has one anyway.
 */
public final class Notices implements PhaseListener {

  private static final long serialVersionUID = 1L;
  private static final String KEPT = "notejam.notices";

  private record Notice(boolean error, String text) implements Serializable {}

  /** Before a redirect: this request's page-wide messages, kept for the next page. */
  static void keep(FacesContext context) {
    ArrayList<Notice> notices = new ArrayList<>();
    for (FacesMessage message : context.getMessageList(null)) {
      notices.add(
          new Notice(
              message.getSeverity().compareTo(FacesMessage.SEVERITY_ERROR) >= 0,
              message.getSummary()));
    }
    if (!notices.isEmpty()) {
      request(context).getSession(true).setAttribute(KEPT, notices);
    }
  }

  /** Before a page renders: the messages kept for it, shown once. */
  @Override
  public void beforePhase(PhaseEvent event) {
    FacesContext context = event.getFacesContext();
    HttpSession session = request(context).getSession(false);
    if (session == null || !(session.getAttribute(KEPT) instanceof List<?> kept)) {
      return;
    }
    session.removeAttribute(KEPT);
    for (Object item : kept) {
      if (item instanceof Notice notice) {
        if (notice.error()) {
          Feedback.error(notice.text());
        } else {
          Feedback.success(notice.text());
        }
      }
    }
  }

  @Override
  public void afterPhase(PhaseEvent event) {
    // Nothing after rendering.
  }

  @Override
  public PhaseId getPhaseId() {
    return PhaseId.RENDER_RESPONSE;
  }

  private static HttpServletRequest request(FacesContext context) {
    return (HttpServletRequest) context.getExternalContext().getRequest();
  }
}
