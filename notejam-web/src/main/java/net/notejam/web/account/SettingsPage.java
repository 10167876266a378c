package net.notejam.web.account;

import static net.notejam.application.input.InputRule.PASSWORD;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import net.notejam.application.AccountService;
import net.notejam.application.error.InvalidInput;
import net.notejam.application.error.WrongPassword;
import net.notejam.application.input.Input;
import net.notejam.infrastructure.AuditLog;
import net.notejam.infrastructure.AuditLog.AuditEvent;
import net.notejam.infrastructure.AuditLog.Outcome;
import net.notejam.web.Feedback;
import net.notejam.web.Navigation;
import net.notejam.web.routing.Routes;
import net.notejam.web.security.CurrentUser;
import net.notejam.web.security.SessionFormAuthenticationMechanism;

/**
 * {@code /settings/}: the signed-in user changes their password, or closes their account (with the
 * password asked again).
 */
@Named
@RequestScoped
public class SettingsPage extends AccountFields {

  @Input(PASSWORD)
  private String oldPassword;

  @Input(PASSWORD)
  private String closePassword;

  @Inject private AccountService accounts;
  @Inject private CurrentUser currentUser;
  @Inject private HttpServletRequest request;
  @Inject private FacesContext faces;

  /** What the sign-in page says once an account is closed, backups included. */
  static final String CLOSED =
      "Your account is closed: your pads, notes and sessions are deleted. Copies in Notejam's"
          + " backups are not changed; they are deleted as the backups age out (at most 3 years).";

  public String changePassword() {
    if (!repeatedCorrectly("settings")) {
      return null;
    }
    try {
      accounts.changePassword(
          currentUser.getId(), currentUser.getSignInToken(), oldPassword, getNewPassword());
    } catch (WrongPassword e) {
      AuditLog.record(AuditEvent.PASSWORD_CHANGE, currentUser.getId(), Outcome.FAILURE);
      Feedback.fieldError("settings:oldPassword", "Incorrect old password");
      return null;
    } catch (InvalidInput e) {
      Feedback.fieldError("settings:newPassword", e.getMessage());
      return null;
    }
    AuditLog.record(AuditEvent.PASSWORD_CHANGE, currentUser.getId(), Outcome.SUCCESS);
    return Navigation.redirectWithSuccess(Routes.HOME, "Your password is successfully changed.");
  }

  /**
   * Deletes the account with everything in it once the password is right, signs this session out,
   * and shows the sign-in page saying what happened.
   */
  public String closeAccount() {
    long userId = currentUser.getId();
    try {
      accounts.close(userId, closePassword);
    } catch (WrongPassword e) {
      AuditLog.record(AuditEvent.ACCOUNT_CLOSED, userId, Outcome.FAILURE);
      Feedback.fieldError("close:password", "Incorrect password");
      return null;
    }
    AuditLog.record(AuditEvent.ACCOUNT_CLOSED, userId, Outcome.SUCCESS);
    try {
      request.logout();
    } catch (ServletException e) {
      throw new IllegalStateException(e);
    }
    // Its sign-ins were deleted with the account.
    SessionFormAuthenticationMechanism.forget(
        request, (HttpServletResponse) faces.getExternalContext().getResponse());
    return Navigation.redirectWithSuccess(Routes.SIGN_IN, CLOSED);
  }

  public String getClosePassword() {
    return closePassword;
  }

  public void setClosePassword(String closePassword) {
    this.closePassword = closePassword;
  }

  public String getOldPassword() {
    return oldPassword;
  }

  public void setOldPassword(String oldPassword) {
    this.oldPassword = oldPassword;
  }
}
