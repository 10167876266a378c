package net.notejam.web.account;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import net.notejam.application.AccountService;
import net.notejam.application.Credentials;
import net.notejam.application.error.EmailAlreadyUsed;
import net.notejam.application.error.InvalidInput;
import net.notejam.web.Feedback;
import net.notejam.web.FormMessages;
import net.notejam.web.Navigation;

/** {@code /signup/}: creates an account, then sends the new user to sign in. */
@Named
@RequestScoped
public class SignUpPage {

  @NotBlank(message = FormMessages.REQUIRED)
  @Size(max = Credentials.EMAIL_MAX_LENGTH, message = FormMessages.EMAIL_TOO_LONG)
  @Email(regexp = FormMessages.EMAIL_WITH_DOMAIN, message = FormMessages.INVALID_EMAIL)
  private String email;

  @NotBlank(message = FormMessages.REQUIRED)
  @Size(
      min = Credentials.PASSWORD_MIN_LENGTH,
      max = Credentials.PASSWORD_MAX_LENGTH,
      message = FormMessages.PASSWORD_LENGTH)
  private String password;

  @NotBlank(message = FormMessages.REQUIRED)
  private String repeatPassword;

  @Inject private AccountService accounts;

  public String signUp() {
    if (!password.equals(repeatPassword)) {
      Feedback.fieldError("signup:repeatPassword", "Your passwords do not match");
      return null;
    }
    try {
      accounts.signUp(email, password);
    } catch (EmailAlreadyUsed e) {
      Feedback.fieldError("signup:email", e.getMessage());
      return null;
    } catch (InvalidInput e) {
      Feedback.error(e.getMessage());
      return null;
    }
    Feedback.success("Account is created. Now you can sign in.");
    return Navigation.redirect("/signin/");
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public String getRepeatPassword() {
    return repeatPassword;
  }

  public void setRepeatPassword(String repeatPassword) {
    this.repeatPassword = repeatPassword;
  }
}
