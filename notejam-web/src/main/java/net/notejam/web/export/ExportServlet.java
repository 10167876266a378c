package net.notejam.web.export;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import net.notejam.application.ExportService;
import net.notejam.web.routing.Routes;
import net.notejam.web.security.CurrentUser;

/**
 * {@code GET /settings/notes.zip}: the signed-in user's notes as a download ({@link NotesArchive}),
 * streamed as it is written. Only for a signed-in user, like every page that is not for visitors:
 * the sign-in mechanism sends anyone else to the sign-in page first.
 */
@WebServlet(Routes.EXPORT_NOTES)
public class ExportServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Inject private transient ExportService export;
  @Inject private transient CurrentUser currentUser;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    res.setContentType("application/zip");
    res.setHeader("Content-Disposition", "attachment; filename=\"notejam-notes.zip\"");
    res.setHeader("Cache-Control", "no-store");
    NotesArchive.write(export, currentUser.getId(), res.getOutputStream());
  }
}
