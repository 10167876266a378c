package net.notejam.web.account;

import static net.notejam.application.input.InputRule.EMAIL;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import net.notejam.application.Account;
import net.notejam.application.AccountService;
import net.notejam.application.input.Input;
import net.notejam.infrastructure.AuditLog;
import net.notejam.infrastructure.AuditLog.AuditEvent;
import net.notejam.infrastructure.AuditLog.Outcome;
import net.notejam.web.Feedback;
import net.notejam.web.Navigation;
import net.notejam.web.routing.Routes;
import net.notejam.web.security.SessionFormAuthenticationMechanism;

/** {@code /signin/}: signs a user in through Jakarta Security, then shows their notes. */
@Named
@RequestScoped
public class SignInPage extends AccountFields {

  @Input(EMAIL)
  private String email;

  @Inject private SecurityContext securityContext;
  @Inject private FacesContext faces;
  @Inject private AccountService accounts;

  public String signIn() {
    ExternalContext external = faces.getExternalContext();
    HttpServletRequest request = (HttpServletRequest) external.getRequest();
    HttpServletResponse response = (HttpServletResponse) external.getResponse();
    AuthenticationStatus status =
        securityContext.authenticate(
            request,
            response,
            AuthenticationParameters.withParams()
                .newAuthentication(true)
                .credential(new UsernamePasswordCredential(email, getPassword())));
    if (status == AuthenticationStatus.SUCCESS) {
      AuditLog.record(
          AuditEvent.SIGN_IN,
          SessionFormAuthenticationMechanism.signedInId(request),
          Outcome.SUCCESS);
      Feedback.success("You are signed in!");
      // On to the page first asked for, if sign-in interrupted a visit.
      String askedFor = SessionFormAuthenticationMechanism.askedFor(request);
      return Navigation.redirect(askedFor != null ? askedFor : Routes.HOME);
    }
    // The account named, if there is one (never the email typed: it may be a password).
    AuditLog.record(
        AuditEvent.SIGN_IN,
        accounts.findByEmail(email).map(Account::id).orElse(null),
        Outcome.FAILURE);
    if (SessionFormAuthenticationMechanism.isThrottled(request)) {
      return TooManyAttempts.answer();
    }
    Feedback.error("Wrong email or password");
    return null;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }
}
