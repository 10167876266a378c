package net.notejam.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import net.notejam.it.support.Accounts;
import net.notejam.it.support.Browser;
import net.notejam.it.support.Page;
import org.junit.jupiter.api.Test;

/**
 * Sign-in throttling on the test server, which allows 5 failures per account (the default) and 20
 * failed sign-ins and 30 reset requests per client address, and trusts one proxy's {@code
 * X-Forwarded-For}: each test sends from a client address of its own (in 10.0.0.0/8, new on every
 * run), so that neither the rest of the suite (from 127.0.0.1) nor an earlier run counts.
 */
class SignInThrottlingIT {

  private static final String TOO_MANY = "Too many attempts, try again later";
  private static final String WRONG = "Wrong email or password";
  private static final int ACCOUNT_MAX_FAILURES = 5;
  private static final int ADDRESS_MAX_FAILURES = 20;
  private static final int ADDRESS_MAX_RESET_REQUESTS = 30;

  private final String address = newAddress();

  @Test
  void anAccountIsLockedAfterFiveFailuresWith429() {
    String email = signedUp();
    failTimes(email, ACCOUNT_MAX_FAILURES);

    Page refused = signIn(address, email, "wrong-password");
    assertEquals(429, refused.status(), refused.body());
    assertEquals(List.of(TOO_MANY), refused.errors());
    assertEquals("Sign in", refused.title(), "the Notejam layout, with the sign-in form");
    assertEquals("", refused.signedInAs());
  }

  @Test
  void theCorrectPasswordDuringALockOutDoesNotSignIn() {
    String email = signedUp();
    failTimes(email, ACCOUNT_MAX_FAILURES);

    Page refused = signIn(address, email, Accounts.PASSWORD);
    assertEquals(429, refused.status(), refused.body());
    assertEquals(List.of(TOO_MANY), refused.errors());
    assertEquals("", refused.signedInAs());
    // From another address too: the lock is the account's.
    assertEquals(429, signIn(newAddress(), email, Accounts.PASSWORD).status());
  }

  @Test
  void anUnknownEmailIsThrottledAlike() {
    String known = signedUp();
    String unknown = Accounts.newEmail();
    for (int i = 0; i < ACCOUNT_MAX_FAILURES; i++) {
      Page knownFailure = signIn(address, known, "wrong-password");
      Page unknownFailure = signIn(address, unknown, "wrong-password");
      assertEquals(knownFailure.status(), unknownFailure.status());
      assertEquals(knownFailure.errors(), unknownFailure.errors());
    }
    Page knownRefused = signIn(address, known, "wrong-password");
    Page unknownRefused = signIn(address, unknown, "wrong-password");
    assertEquals(429, unknownRefused.status(), unknownRefused.body());
    assertEquals(knownRefused.status(), unknownRefused.status());
    assertEquals(knownRefused.errors(), unknownRefused.errors());
  }

  @Test
  void aSuccessfulSignInResetsTheAccountsCount() {
    String email = signedUp();
    failTimes(email, ACCOUNT_MAX_FAILURES - 1);
    assertEquals(email, signIn(address, email, Accounts.PASSWORD).signedInAs());

    // Counting starts again: four more failures are still answered as such, and it signs in.
    failTimes(email, ACCOUNT_MAX_FAILURES - 1);
    assertEquals(email, signIn(address, email, Accounts.PASSWORD).signedInAs());
  }

  @Test
  void anAddressIsLockedAfterItsFailuresAcrossAccounts() {
    for (int i = 0; i < ADDRESS_MAX_FAILURES; i++) {
      Page failed = signIn(address, Accounts.newEmail(), "wrong-password");
      assertEquals(List.of(WRONG), failed.errors(), "failure " + (i + 1));
    }
    String email = signedUp();
    Page refused = signIn(address, email, Accounts.PASSWORD);
    assertEquals(429, refused.status(), refused.body());
    assertEquals(List.of(TOO_MANY), refused.errors());

    // The same account from another address signs in: only that address is locked.
    assertEquals(email, signIn(newAddress(), email, Accounts.PASSWORD).signedInAs());
  }

  @Test
  void forgotPasswordIsLimitedByAddress() {
    Browser browser = new Browser(Browser.BASE, null, address);
    for (int i = 0; i < ADDRESS_MAX_RESET_REQUESTS; i++) {
      assertEquals(200, ask(browser).status(), "request " + (i + 1));
    }
    Page refused = ask(browser);
    assertEquals(429, refused.status(), refused.body());
    assertEquals(List.of(TOO_MANY), refused.errors());
    assertEquals(200, ask(new Browser(Browser.BASE, null, newAddress())).status());
  }

  private static Page ask(Browser browser) {
    return browser.submit(
        browser.get("/forgot-password/"), "forgot", Map.of("email", Accounts.newEmail()), "send");
  }

  private void failTimes(String email, int times) {
    for (int i = 0; i < times; i++) {
      Page failed = signIn(address, email, "wrong-password");
      assertEquals(List.of(WRONG), failed.errors(), "failure " + (i + 1) + ": " + failed.body());
    }
  }

  /** A new account, signed up from 127.0.0.1 (sign-ups there are not limited on this server). */
  private static String signedUp() {
    String email = Accounts.newEmail();
    Page created = Accounts.signUp(new Browser(), email, Accounts.PASSWORD, Accounts.PASSWORD);
    assertEquals("/signin/", created.path(), created.body());
    return email;
  }

  /** A sign-in in a fresh browser from client address {@code from}. */
  private static Page signIn(String from, String email, String password) {
    return Accounts.signIn(new Browser(Browser.BASE, null, from), email, password);
  }

  static String newAddress() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
  }
}
