package net.notejam.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import net.notejam.it.support.Accounts;
import net.notejam.it.support.Browser;
import net.notejam.it.support.Page;
import org.junit.jupiter.api.Test;

/** Changing one's password at /settings/. */
class AccountSettingsIT {

  private final String email = Accounts.newEmail();
  private final Browser user = Accounts.signedInUser(email);

  private Page change(String oldPassword, String newPassword, String repeat) {
    return user.submit(
        user.get("/settings/"),
        "settings",
        Map.of("oldPassword", oldPassword, "newPassword", newPassword, "repeatPassword", repeat),
        "save");
  }

  @Test
  void passwordChangedWithTheRightOldPassword() {
    Page page = change(Accounts.PASSWORD, "a brand new password", "a brand new password");

    assertEquals("/", page.path());
    assertEquals(List.of("Your password is successfully changed."), page.successes());
    assertEquals(
        List.of("Wrong email or password"),
        Accounts.signIn(new Browser(), email, Accounts.PASSWORD).errors());
    assertEquals(email, Accounts.signIn(new Browser(), email, "a brand new password").signedInAs());
  }

  @Test
  void passwordNotChangedWithAWrongOldPassword() {
    Page page = change("not my password", "a brand new password", "a brand new password");

    assertEquals("/settings/", page.path());
    assertEquals("Incorrect old password", page.fieldError("settings", "oldPassword"));
    assertEquals(email, Accounts.signIn(new Browser(), email, Accounts.PASSWORD).signedInAs());
  }

  @Test
  void passwordNotChangedWhenTheNewOnesDiffer() {
    Page page = change(Accounts.PASSWORD, "a brand new password", "another new password");

    assertEquals("Your passwords don't match", page.fieldError("settings", "repeatPassword"));
    assertEquals(email, Accounts.signIn(new Browser(), email, Accounts.PASSWORD).signedInAs());
  }

  @Test
  void passwordNotChangedToATooShortOrTheSameOne() {
    assertEquals(
        "Password must be 8 to 1000 characters long",
        change(Accounts.PASSWORD, "short", "short").fieldError("settings", "newPassword"));
    assertEquals(
        "The new password must differ from the old one",
        change(Accounts.PASSWORD, Accounts.PASSWORD, Accounts.PASSWORD)
            .fieldError("settings", "newPassword"));
  }

  @Test
  void missingFieldsAreRequired() {
    Page page = change("", "", "");

    assertEquals("This field is required", page.fieldError("settings", "oldPassword"));
    assertEquals("This field is required", page.fieldError("settings", "newPassword"));
    assertEquals("This field is required", page.fieldError("settings", "repeatPassword"));
  }

  @Test
  void visitorsAreSentToSignIn() {
    assertEquals("/signin/", new Browser().get("/settings/").path());
  }
}
