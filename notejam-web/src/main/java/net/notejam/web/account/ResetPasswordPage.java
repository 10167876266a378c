package net.notejam.web.account;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import net.notejam.service.Credentials;
import net.notejam.service.InvalidInput;
import net.notejam.service.InvalidResetLink;
import net.notejam.service.PasswordResetService;
import net.notejam.web.Feedback;
import net.notejam.web.FormMessages;
import net.notejam.web.Navigation;
import net.notejam.web.routing.PathParameters;

/**
 * {@code /reset-password/<token>/}: sets a new password through a mailed link; an unknown, expired
 * or used link gets a page that offers to ask for a new one.
 */
@Named
@RequestScoped
public class ResetPasswordPage {

  @NotBlank(message = FormMessages.REQUIRED)
  @Size(
      min = Credentials.PASSWORD_MIN_LENGTH,
      max = Credentials.PASSWORD_MAX_LENGTH,
      message = FormMessages.PASSWORD_LENGTH)
  private String newPassword;

  @NotBlank(message = FormMessages.REQUIRED)
  private String repeatPassword;

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
    if (!newPassword.equals(repeatPassword)) {
      Feedback.fieldError("reset:repeatPassword", "Your passwords don't match");
      return null;
    }
    try {
      resets.reset(PathParameters.token(), newPassword);
    } catch (InvalidResetLink e) {
      usable = false;
      return null;
    } catch (InvalidInput e) {
      Feedback.fieldError("reset:newPassword", e.getMessage());
      return null;
    }
    Feedback.success("Your password is changed. Now you can sign in with the new one.");
    return Navigation.redirect("/signin/");
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
