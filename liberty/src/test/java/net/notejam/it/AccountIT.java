package net.notejam.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import net.notejam.it.support.Accounts;
import net.notejam.it.support.Browser;
import net.notejam.it.support.Page;
import org.junit.jupiter.api.Test;

/** Notejam's account cases, through the pages as a browser uses them. */
class AccountIT {

  private final Browser browser = new Browser();

  @Test
  void signUpSucceedsAndSendsToSignIn() {
    Page page = Accounts.signUp(browser, Accounts.newEmail(), "secret-password", "secret-password");

    assertEquals("/signin/", page.path());
    assertEquals(List.of("Account is created. Now you can sign in."), page.successes());
  }

  @Test
  void signUpFailsOnMissingFields() {
    Page page = Accounts.signUp(browser, "", "", "");

    assertEquals("/signup/", page.path());
    assertAll(
        () -> assertEquals("This field is required", page.fieldError("signup", "email")),
        () -> assertEquals("This field is required", page.fieldError("signup", "password")),
        () -> assertEquals("This field is required", page.fieldError("signup", "repeatPassword")));
  }

  @Test
  void signUpFailsOnInvalidEmail() {
    Page page = Accounts.signUp(browser, "not-an-email", "secret-password", "secret-password");

    assertEquals("/signup/", page.path());
    assertEquals("Invalid email address", page.fieldError("signup", "email"));
  }

  @Test
  void signUpFailsOnExistingEmailWhateverItsCase() {
    String email = Accounts.newEmail();
    Accounts.signUp(browser, email, "secret-password", "secret-password");

    Page page =
        Accounts.signUp(new Browser(), email.toUpperCase(), "other-password", "other-password");

    assertEquals("/signup/", page.path());
    assertEquals("User with this email is already signed up", page.fieldError("signup", "email"));
  }

  @Test
  void signUpFailsOnPasswordsThatDiffer() {
    String email = Accounts.newEmail();
    Page page = Accounts.signUp(browser, email, "secret-password", "secret-passw0rd");

    assertEquals("/signup/", page.path());
    assertEquals("Your passwords don't match", page.fieldError("signup", "repeatPassword"));
    assertEquals("Wrong email or password", signInErrors(email, "secret-password"));
  }

  @Test
  void signUpRefusesOversizedEmailAndPasswordAndSavesNothing() {
    String longEmail = "a@" + ("b".repeat(60) + ".").repeat(4) + "example.com";
    assertEquals(257, longEmail.length());
    Page tooLongEmail = Accounts.signUp(browser, longEmail, "secret-password", "secret-password");
    assertEquals(200, tooLongEmail.status());
    assertEquals(
        "Email must be at most 254 characters long", tooLongEmail.fieldError("signup", "email"));

    String email = Accounts.newEmail();
    String longPassword = "p".repeat(1001);
    Page tooLongPassword = Accounts.signUp(browser, email, longPassword, longPassword);
    assertEquals(200, tooLongPassword.status());
    assertEquals(
        "Password must be 8 to 1000 characters long",
        tooLongPassword.fieldError("signup", "password"));

    Page sameEmailAgain =
        Accounts.signUp(new Browser(), email, "secret-password", "secret-password");
    assertEquals("/signin/", sameEmailAgain.path(), "the refused sign-up saved nothing");
  }

  @Test
  void signUpKeepsUnicodeEmailsApartAndAcceptsUnicodePasswords() {
    String email = "zoë-" + java.util.UUID.randomUUID() + "@exämple.com";
    String password = "pässwörd-日本語";

    Page page = Accounts.signUp(browser, email, password, password);
    assertEquals("/signin/", page.path(), page.body());

    Page home = Accounts.signIn(browser, email, password);
    assertEquals(email, home.signedInAs());
  }

  @Test
  void racingSignUpsWithOneEmailCreateOneAccountAndNoError() throws Exception {
    String email = Accounts.newEmail();
    int racers = 4;
    List<Browser> browsers = new ArrayList<>();
    List<Page> forms = new ArrayList<>();
    for (int i = 0; i < racers; i++) {
      Browser b = new Browser();
      browsers.add(b);
      forms.add(b.get("/signup/"));
    }
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(racers);
    try {
      List<Future<Page>> results = new ArrayList<>();
      for (int i = 0; i < racers; i++) {
        Browser b = browsers.get(i);
        Page form = forms.get(i);
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return b.submit(
                      form,
                      "signup",
                      Map.of(
                          "email", email,
                          "password", "secret-password",
                          "repeatPassword", "secret-password"),
                      "submit");
                }));
      }
      start.countDown();
      int created = 0;
      int refused = 0;
      for (Future<Page> result : results) {
        Page page = result.get();
        assertEquals(200, page.status(), page.body());
        if (page.successes().contains("Account is created. Now you can sign in.")) {
          created++;
        } else if (page.fieldError("signup", "email")
            .equals("User with this email is already signed up")) {
          refused++;
        }
      }
      assertEquals(1, created, "exactly one sign-up wins");
      assertEquals(racers - 1, refused, "the others are told the email is taken");
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void signInSucceedsAndShowsAllNotes() {
    String email = Accounts.newEmail();
    Accounts.signUp(browser, email, "secret-password", "secret-password");

    Page page = Accounts.signIn(browser, email, "secret-password");

    assertEquals("/", page.path());
    assertEquals(List.of("You are signed in!"), page.successes());
    assertEquals(email, page.signedInAs());
    assertEquals("All notes (0)", page.title());
  }

  @Test
  void signInFailsOnMissingFields() {
    Page page = Accounts.signIn(browser, "", "");

    assertEquals("/signin/", page.path());
    assertEquals("This field is required", page.fieldError("signin", "email"));
    assertEquals("This field is required", page.fieldError("signin", "password"));
    assertEquals("", page.signedInAs());
  }

  @Test
  void signInFailsOnWrongCredentials() {
    String email = Accounts.newEmail();
    Accounts.signUp(browser, email, "secret-password", "secret-password");

    assertEquals("Wrong email or password", signInErrors(email, "wrong-password"));
    assertEquals("Wrong email or password", signInErrors(Accounts.newEmail(), "secret-password"));
  }

  @Test
  void visitorAskingForAPageIsSentToSignIn() {
    Page first = browser.getOnce("/");
    assertEquals(302, first.status());
    assertTrue(first.header("Location").endsWith("/signin/"), first.header("Location"));

    Page page = browser.get("/");
    assertEquals("/signin/", page.path());
    assertEquals("Sign in", page.title());
  }

  @Test
  void visitorIsTakenBackToTheFirstPageAskedForAfterSigningIn() {
    String email = Accounts.newEmail();
    Accounts.signUp(browser, email, "secret-password", "secret-password");
    Browser visitor = new Browser();

    Page signInForm = visitor.get("/?order=name");
    assertEquals("/signin/", signInForm.path());
    Page page =
        visitor.submit(
            signInForm, "signin", Map.of("email", email, "password", "secret-password"), "submit");

    assertEquals("/", page.path());
    assertEquals(email, page.signedInAs());
  }

  @Test
  void signOutEndsTheSession() {
    String email = Accounts.newEmail();
    Browser user = Accounts.signedInUser(email);

    Page page = user.get("/signout/");
    assertEquals("/signin/", page.path());
    assertEquals("", page.signedInAs());

    Page again = user.get("/");
    assertEquals("/signin/", again.path());
  }

  @Test
  void notejamUrlsHaveATrailingSlashAndNoViewFiles() {
    Page noSlash = browser.getOnce("/signup");
    assertEquals(301, noSlash.status());
    assertEquals("/signup/", noSlash.header("Location"));

    Browser user = Accounts.signedInUser(Accounts.newEmail());
    Page viewFile = user.get("/account/signup.xhtml");
    assertEquals(404, viewFile.status());
    Page unknown = user.get("/no/such/page/");
    assertEquals(404, unknown.status());
    assertEquals("Page not found", unknown.title());
    assertFalse(unknown.body().contains("Exception"), unknown.body());
  }

  private String signInErrors(String email, String password) {
    Page page = Accounts.signIn(new Browser(), email, password);
    assertEquals("/signin/", page.path());
    return String.join(" ", page.errors());
  }
}
