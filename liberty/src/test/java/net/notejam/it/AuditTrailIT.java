package net.notejam.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.notejam.it.support.Accounts;
import net.notejam.it.support.Browser;
import net.notejam.it.support.Page;
import net.notejam.it.support.ServerLog;
import net.notejam.it.support.TestMail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The audit trail, as the log pipeline reads it from the JSON log: one line on the logger {@code
 * notejam.audit} per security event, its facts as JSON fields, no secret anywhere in the log.
 */
class AuditTrailIT {

  @RegisterExtension static final GreenMailExtension MAIL = TestMail.server();

  private static final String AUDIT_LOGGER = "notejam.audit";

  @Test
  void eachSecurityEventIsOneStructuredLineWithoutSecrets() throws Exception {
    String email = Accounts.newEmail();
    String first = "audit-first-" + UUID.randomUUID();
    String wrong = "audit-wrong-" + UUID.randomUUID();
    String second = "audit-second-" + UUID.randomUUID();
    String third = "audit-third-" + UUID.randomUUID();
    String late = "audit-late-" + UUID.randomUUID();
    Page created = Accounts.signUp(new Browser(), email, first, first);
    assertEquals("/signin/", created.path(), created.body());

    Accounts.signIn(traced("wrong-password"), email, wrong);
    Accounts.signIn(traced("unknown-account"), Accounts.newEmail(), wrong);
    Browser user = traced("session");
    Page home = Accounts.signIn(user, email, first);
    assertEquals(email, home.signedInAs(), home.body());
    changePassword(user, wrong, second);
    changePassword(user, first, second);
    user.get("/signout/");

    Browser forgot = traced("reset");
    forgot.submit(forgot.get("/forgot-password/"), "forgot", Map.of("email", email), "send");
    String link = TestMail.resetLink(TestMail.await(MAIL, email, 1).get(0));
    Browser resetter = traced("reset");
    Browser slow = traced("reset");
    Page slowForm = slow.get(link); // opened before the link is used, sent after
    resetter.submit(
        resetter.get(link), "reset", Map.of("newPassword", third, "repeatPassword", third), "save");
    slow.submit(slowForm, "reset", Map.of("newPassword", late, "repeatPassword", late), "save");

    JsonObject failed = only("wrong-password", "SIGN_IN", "FAILURE");
    JsonObject unknown = only("unknown-account", "SIGN_IN", "FAILURE");
    JsonObject signedIn = only("session", "SIGN_IN", "SUCCESS");
    JsonObject wrongOld = only("session", "PASSWORD_CHANGE", "FAILURE");
    JsonObject changed = only("session", "PASSWORD_CHANGE", "SUCCESS");
    JsonObject signedOut = only("session", "SIGN_OUT", "SUCCESS");
    JsonObject reset = only("reset", "PASSWORD_RESET", "SUCCESS");
    JsonObject tooLate = only("reset", "PASSWORD_RESET", "FAILURE");

    long account = accountId(signedIn);
    for (JsonObject line : List.of(failed, wrongOld, changed, signedOut, reset)) {
      assertEquals(account, accountId(line), line.toString());
    }
    assertFalse(hasAccountId(unknown), "no account for an unknown email: " + unknown);
    assertFalse(hasAccountId(tooLate), "a used link names no account: " + tooLate);
    for (JsonObject line : List.of(failed, unknown, signedIn, reset, tooLate)) {
      assertTrue(line.getString("ibm_datetime", "").matches("\\d{4}-\\d\\d-\\d\\dT.*"), "" + line);
      assertFalse(line.getString("ext_clientAddress", "").isEmpty(), "client address: " + line);
      assertFalse(line.toString().contains(email), "no email in an audit line: " + line);
    }

    String log = ServerLog.raw();
    for (String secret : List.of(first, wrong, second, third, late, tokenOf(link))) {
      assertFalse(log.contains(secret), "a password or reset token reached the log: " + secret);
    }
  }

  @Test
  void aLockOutIsOneAuditLineNamingTheAccount() {
    String email = Accounts.newEmail();
    Page created = Accounts.signUp(new Browser(), email, Accounts.PASSWORD, Accounts.PASSWORD);
    assertEquals("/signin/", created.path(), created.body());
    // From an address of its own (the test server trusts one proxy), so that these failures do
    // not count against 127.0.0.1, which the rest of the suite signs in from.
    Browser guesser = new Browser(Browser.BASE, run + "-lock-out", SignInThrottlingIT.newAddress());
    for (int i = 0; i < 5; i++) {
      Accounts.signIn(guesser, email, "audit-guess-" + i);
    }
    JsonObject lockedOut = only("lock-out", "LOCKED_OUT", "FAILURE");
    assertTrue(hasAccountId(lockedOut), "the locked account is named: " + lockedOut);
    assertFalse(lockedOut.toString().contains(email), "no email in an audit line: " + lockedOut);
  }

  private final String run = "audit-" + UUID.randomUUID();

  /** A browser whose requests carry a request id made of this run and {@code step}. */
  private Browser traced(String step) {
    return new Browser(run + "-" + step);
  }

  private static void changePassword(Browser user, String old, String next) {
    Page settings = user.get("/settings/");
    user.submit(
        settings,
        "settings",
        Map.of("oldPassword", old, "newPassword", next, "repeatPassword", next),
        "save");
  }

  /**
   * The one audit line of {@code event} with {@code outcome} among the requests of {@code step}.
   */
  private JsonObject only(String step, String event, String outcome) {
    String requestId = run + "-" + step;
    List<JsonObject> lines =
        ServerLog.await(
            line ->
                AUDIT_LOGGER.equals(line.getString("module", ""))
                    && requestId.equals(line.getString("ext_requestId", ""))
                    && event.equals(line.getString("ext_auditEvent", ""))
                    && outcome.equals(line.getString("ext_auditOutcome", "")),
            1);
    assertEquals(1, lines.size(), "audit lines " + event + " " + outcome + " of " + requestId);
    return lines.get(0);
  }

  private static boolean hasAccountId(JsonObject line) {
    return line.containsKey("ext_accountId_long") || line.containsKey("ext_accountId");
  }

  /** The account id field, a JSON number (Liberty types an extension by its _long suffix). */
  private static long accountId(JsonObject line) {
    JsonValue value = line.getOrDefault("ext_accountId_long", line.get("ext_accountId"));
    if (value instanceof JsonNumber number) {
      return number.longValueExact();
    }
    throw new AssertionError(
        "no account id as a JSON number: "
            + (value instanceof JsonString s ? "string " + s.getString() : "" + value)
            + " in "
            + line);
  }

  private static String tokenOf(String link) {
    String[] parts = link.split("/");
    return parts[parts.length - 1];
  }
}
