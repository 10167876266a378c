package net.notejam.web.account;

import static net.notejam.application.input.InputRule.NEW_PASSWORD;

import jakarta.validation.constraints.NotBlank;
import net.notejam.application.input.Input;
import net.notejam.application.input.InputRule;
import net.notejam.web.Feedback;

/** A new password typed twice, as the sign-up, settings and reset-password forms ask for it. */
public abstract class NewPasswordFields {

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
