package net.notejam.web.account;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import net.notejam.application.SignInService;
import net.notejam.infrastructure.AuditLog;
import net.notejam.infrastructure.AuditLog.AuditEvent;
import net.notejam.infrastructure.AuditLog.Outcome;
import net.notejam.web.routing.Routes;
import net.notejam.web.security.SessionFormAuthenticationMechanism;

/** {@code GET /signout/}: ends the sign-in, on every instance, and shows the sign-in page. */
@WebServlet(Routes.SIGN_OUT + "*")
public class SignOutServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Inject private transient SignInService signIns;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res)
      throws ServletException, IOException {
    var signedIn = SessionFormAuthenticationMechanism.signedIn(req);
    if (signedIn.isPresent()) {
      signIns.end(signedIn.get().token());
      AuditLog.record(AuditEvent.SIGN_OUT, signedIn.get().id(), Outcome.SUCCESS);
    }
    req.logout();
    SessionFormAuthenticationMechanism.forget(req, res);
    res.sendRedirect(req.getContextPath() + Routes.SIGN_IN);
  }
}
