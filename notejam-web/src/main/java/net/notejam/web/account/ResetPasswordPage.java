package net.notejam.web.account;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import net.notejam.application.PasswordResetService;
import net.notejam.application.error.InvalidInput;
import net.notejam.application.error.InvalidResetLink;
import net.notejam.infrastructure.AuditLog;
import net.notejam.infrastructure.AuditLog.AuditEvent;
import net.notejam.infrastructure.AuditLog.Outcome;
import net.notejam.web.Feedback;
import net.notejam.web.Navigation;
import net.notejam.web.routing.PathParameters;
import net.notejam.web.routing.Routes;

/**
 * {@code /reset-password/<token>/}: sets a new password through a mailed link; an unknown, expired
 * or used link gets a page that offers to ask for a new one.
 */
@Named
@RequestScoped
public class ResetPasswordPage extends AccountFields {

  @Inject private PasswordResetService resets;

  private Boolean usable;

  /** True while the link in the URL can still be used; the page shows the form only then. */
  public boolean isUsable() {
    if (usable == null) {
      usable = resets.isUsable(PathParameters.token());
    }
    return usable;
  }

  public String reset() {
    if (!repeatedCorrectly("reset")) {
      return null;
    }
    try {
      long account = resets.reset(PathParameters.token(), getNewPassword());
      AuditLog.record(AuditEvent.PASSWORD_RESET, account, Outcome.SUCCESS);
    } catch (InvalidResetLink e) {
      AuditLog.record(AuditEvent.PASSWORD_RESET, null, Outcome.FAILURE);
      usable = false;
      return null;
    } catch (InvalidInput e) {
      Feedback.fieldError("reset:newPassword", e.getMessage());
      return null;
    }
    return Navigation.redirectWithSuccess(
        Routes.SIGN_IN, "Your password is changed. Now you can sign in with the new one.");
  }
}
