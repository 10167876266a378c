package net.notejam.web.account;

import static net.notejam.application.input.InputRule.DELIVERABLE_EMAIL;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import net.notejam.application.AccountService;
import net.notejam.application.Throttle;
import net.notejam.application.error.EmailAlreadyUsed;
import net.notejam.application.error.InvalidInput;
import net.notejam.application.input.Input;
import net.notejam.web.Feedback;
import net.notejam.web.Navigation;
import net.notejam.web.routing.Routes;
import net.notejam.web.security.ClientAddresses;

/**
 * {@code /signup/}: creates an account, then sends the new user to sign in. The password and its
 * repetition are the same fields as on the settings and reset pages (the form keeps its field id
 * {@code password}).
 */
@Named
@RequestScoped
public class SignUpPage extends AccountFields {

  @Input(DELIVERABLE_EMAIL)
  private String email;

  @Inject private AccountService accounts;
  @Inject private Throttle throttle;
  @Inject private ClientAddresses clientAddresses;
  @Inject private HttpServletRequest request;

  public String signUp() {
    if (!repeatedCorrectly("signup")) {
      return null;
    }
    if (throttle.refuses(Throttle.Form.SIGN_UP, clientAddresses.of(request))) {
      return TooManyAttempts.answer();
    }
    try {
      accounts.signUp(email, getNewPassword());
    } catch (EmailAlreadyUsed e) {
      Feedback.fieldError("signup:email", e.getMessage());
      return null;
    } catch (InvalidInput e) {
      Feedback.error(e.getMessage());
      return null;
    }
    Feedback.success("Account is created. Now you can sign in.");
    return Navigation.redirect(Routes.SIGN_IN);
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }
}
