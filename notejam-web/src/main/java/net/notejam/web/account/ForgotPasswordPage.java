package net.notejam.web.account;

import static net.notejam.application.input.InputRule.DELIVERABLE_EMAIL;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import net.notejam.application.PasswordResetService;
import net.notejam.application.Throttle;
import net.notejam.application.input.Input;
import net.notejam.web.Feedback;
import net.notejam.web.Navigation;
import net.notejam.web.routing.Routes;
import net.notejam.web.security.ClientAddresses;

/**
 * {@code /forgot-password/}: mails a reset link if the address has an account, and says the same
 * either way, so that nobody can find out which addresses are signed up.
 */
@Named
@RequestScoped
public class ForgotPasswordPage {

  static final String ANSWER = "If this address has an account, a reset link is on its way.";

  @Input(DELIVERABLE_EMAIL)
  private String email;

  @Inject private PasswordResetService resets;
  @Inject private Throttle throttle;
  @Inject private ClientAddresses clientAddresses;
  @Inject private HttpServletRequest request;

  public String send() {
    if (throttle.refuses(Throttle.Form.PASSWORD_RESET, clientAddresses.of(request))) {
      return TooManyAttempts.answer();
    }
    resets.requestReset(email, Routes::resetPassword);
    Feedback.success(ANSWER);
    return Navigation.redirect(Routes.FORGOT_PASSWORD);
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }
}
