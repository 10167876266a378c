package net.notejam.web.account;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import net.notejam.infrastructure.AuditLog;
import net.notejam.infrastructure.AuditLog.AuditEvent;
import net.notejam.infrastructure.AuditLog.Outcome;
import net.notejam.web.routing.Routes;
import net.notejam.web.security.SessionFormAuthenticationMechanism;

/** {@code GET /signout/}: ends the session and shows the sign-in page. */
@WebServlet(Routes.SIGN_OUT + "*")
public class SignOutServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res)
      throws ServletException, IOException {
    Long signedIn = SessionFormAuthenticationMechanism.signedInId(req);
    if (signedIn != null) {
      AuditLog.record(AuditEvent.SIGN_OUT, signedIn, Outcome.SUCCESS);
    }
    req.logout();
    HttpSession session = req.getSession(false);
    if (session != null) {
      session.invalidate();
    }
    res.sendRedirect(req.getContextPath() + Routes.SIGN_IN);
  }
}
