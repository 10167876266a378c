package net.notejam.web;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseEvent;
import jakarta.faces.event.PhaseId;
import jakarta.faces.event.PhaseListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import net.notejam.application.NoticeService;

/**
 * The page-wide messages of a post ("Note saved") carried over its redirect to the page that shows
 * them, on whichever instance serves it. In place of the Faces flash and of an HTTP session, which
 * gave every visitor a session (and a database row) on every page just for the chance of a message:
 * here only a post with a message writes (a {@link NoticeService} row, its token in a cookie that
 * lasts minutes), and only the page that brings that cookie reads.
 */
public final class Notices implements PhaseListener {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(Notices.class.getName());

  /** The cookie holding the token of the messages kept for the next page. */
  public static final String COOKIE = "notejam-notice";

  private static final char ERROR = 'E';
  private static final char SUCCESS = 'S';

  /** Before a redirect: this request's page-wide messages, kept for the next page. */
  static void keep(FacesContext context) {
    List<String> lines = new ArrayList<>();
    for (FacesMessage message : context.getMessageList(null)) {
      boolean error = message.getSeverity().compareTo(FacesMessage.SEVERITY_ERROR) >= 0;
      lines.add((error ? ERROR : SUCCESS) + message.getSummary().replaceAll("[\\r\\n]+", " "));
    }
    if (lines.isEmpty()) {
      return;
    }
    String token = service().keep(String.join("\n", lines));
    ExternalContext external = context.getExternalContext();
    Cookies.set(
        request(context),
        (HttpServletResponse) external.getResponse(),
        COOKIE,
        token,
        (int) NoticeService.LIFETIME.toSeconds(),
        "Lax");
  }

  /** Before a page renders: the messages kept for it, shown once. */
  @Override
  public void beforePhase(PhaseEvent event) {
    FacesContext context = event.getFacesContext();
    HttpServletRequest request = request(context);
    Optional<String> token = Cookies.token(request, COOKIE);
    if (token.isEmpty()) {
      return;
    }
    Cookies.clear(
        request, (HttpServletResponse) context.getExternalContext().getResponse(), COOKIE);
    Optional<String> kept;
    try {
      kept = service().take(token.get());
    } catch (RuntimeException e) {
      LOG.warning(() -> "Kept messages not read, database unavailable: " + e);
      return;
    }
    kept.ifPresent(Notices::show);
  }

  private static void show(String kept) {
    for (String line : kept.split("\n")) {
      if (line.isEmpty()) {
        continue;
      }
      String text = line.substring(1);
      if (line.charAt(0) == ERROR) {
        Feedback.error(text);
      } else {
        Feedback.success(text);
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

  private static NoticeService service() {
    return CDI.current().select(NoticeService.class).get();
  }

  private static HttpServletRequest request(FacesContext context) {
    return (HttpServletRequest) context.getExternalContext().getRequest();
  }
}
