package net.notejam.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.UUID;

/** Sign-up and sign-in steps that many tests start with. */
public final class Accounts {

  public static final String PASSWORD = "correct horse battery";

  private Accounts() {}

  /** An email nobody has used yet, so tests never depend on each other's data. */
  public static String newEmail() {
    return "user-" + UUID.randomUUID() + "@example.com";
  }

  public static Page signUp(Browser browser, String email, String password, String repeat) {
    Page form = browser.get("/signup/");
    return browser.submit(
        form,
        "signup",
        Map.of("email", email, "password", password, "repeatPassword", repeat),
        "submit");
  }

  public static Page signIn(Browser browser, String email, String password) {
    Page form = browser.get("/signin/");
    return browser.submit(form, "signin", Map.of("email", email, "password", password), "submit");
  }

  /** A browser at {@code base} in which a new account has signed up and signed in. */
  public static Browser signedInUserAt(java.net.URI base) {
    return signedInUserAt(base, newEmail());
  }

  private static Browser signedInUserAt(java.net.URI base, String email) {
    Browser browser = new Browser(base, null);
    Page created = signUp(browser, email, PASSWORD, PASSWORD);
    assertEquals("/signin/", created.path(), created.body());
    Page home = signIn(browser, email, PASSWORD);
    assertEquals(email, home.signedInAs(), home.body());
    return browser;
  }

  /** A browser in which a new account {@code email} has signed up and signed in. */
  public static Browser signedInUser(String email) {
    return signedInUserAt(Browser.BASE, email);
  }
}
