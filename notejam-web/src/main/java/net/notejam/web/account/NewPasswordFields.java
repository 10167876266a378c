package net.notejam.web.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import net.notejam.application.Credentials;
import net.notejam.web.Feedback;
import net.notejam.web.FormMessages;

/** A new password typed twice, as the settings and the reset-password forms ask for it. */
public abstract class NewPasswordFields {

  @NotBlank(message = FormMessages.REQUIRED)
  @Size(
      min = Credentials.PASSWORD_MIN_LENGTH,
      max = Credentials.PASSWORD_MAX_LENGTH,
      message = FormMessages.PASSWORD_LENGTH)
  private String newPassword;

  @NotBlank(message = FormMessages.REQUIRED)
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
