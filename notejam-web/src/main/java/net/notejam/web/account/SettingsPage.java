package net.notejam.web.account;

import static net.notejam.application.input.InputRule.PASSWORD;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
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

/** {@code /settings/}: the signed-in user changes their password. */
@Named
@RequestScoped
public class SettingsPage extends AccountFields {

  @Input(PASSWORD)
  private String oldPassword;

  @Inject private AccountService accounts;
  @Inject private CurrentUser currentUser;

  public String changePassword() {
    if (!repeatedCorrectly("settings")) {
      return null;
    }
    try {
      long version = accounts.changePassword(currentUser.getId(), oldPassword, getNewPassword());
      currentUser.keepAfterPasswordChange(version);
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

  public String getOldPassword() {
    return oldPassword;
  }

  public void setOldPassword(String oldPassword) {
    this.oldPassword = oldPassword;
  }
}
