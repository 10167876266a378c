package net.notejam.web.account;

import static net.notejam.application.input.InputRule.NEW_PASSWORD;
import static net.notejam.application.input.InputRule.PASSWORD;

import jakarta.validation.constraints.NotBlank;
import net.notejam.application.input.Input;
import net.notejam.application.input.InputRule;
import net.notejam.web.Feedback;

/**
 * The password fields of the account forms, each page binding those its form has: the password of
 * the sign-in form, and a new password typed twice, as the sign-up, settings and reset-password
 * forms ask for it. Bean Validation checks only the fields a form sends.
 */
public abstract class AccountFields {

  @Input(PASSWORD)
  private String password;

  @Input(NEW_PASSWORD)
  private String newPassword;

  /** Only required: whether it repeats the new password is {@link #repeatedCorrectly}'s. */
  @NotBlank(message = InputRule.REQUIRED)
  private String repeatPassword;

  /** True when both match; otherwise says so under the repeat field of form {@code formId}. */
  boolean repeatedCorrectly(String formId) {
    if (newPassword.equals(repeatPassword)) {
      return true;
    }
    Feedback.fieldError(formId + ":repeatPassword", "Your passwords don't match");
    return false;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public String getNewPassword() {
    return newPassword;
  }

  public void setNewPassword(String newPassword) {
    this.newPassword = newPassword;
  }

  public String getRepeatPassword() {
    return repeatPassword;
  }

  public void setRepeatPassword(String repeatPassword) {
    this.repeatPassword = repeatPassword;
  }
}
