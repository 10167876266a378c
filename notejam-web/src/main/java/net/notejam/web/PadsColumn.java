package net.notejam.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import net.notejam.application.PadService;
import net.notejam.application.PadSummary;
import net.notejam.web.security.CurrentUser;

/**
 * The "My pads" column beside every signed-in page, read once per request: before the page renders
 * (by {@link ReadBeforeRenderViewHandler}), so that a database failure shows the error page.
 */
@Named
@RequestScoped
public class PadsColumn {

  @Inject private PadService pads;
  @Inject private CurrentUser currentUser;
  @Inject private jakarta.servlet.http.HttpServletRequest request;

  private List<PadSummary> list;

  public List<PadSummary> getPads() {
    if (list == null) {
      // An error page (the database may be what failed) shows no pads rather than fail itself.
      boolean errorPage = request.getAttribute("jakarta.servlet.error.status_code") != null;
      list = currentUser.isSignedIn() && !errorPage ? pads.listAll(currentUser.getId()) : List.of();
    }
    return list;
  }
}
