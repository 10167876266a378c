package net.notejam.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import net.notejam.it.support.Accounts;
import net.notejam.it.support.Browser;
import net.notejam.it.support.Metrics;
import net.notejam.it.support.Page;
import net.notejam.it.support.TestMail;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Forgotten passwords, with the mail caught by GreenMail, a real SMTP server in this JVM that the
 * test server sends to.
 */
class PasswordResetIT {

  @RegisterExtension static final GreenMailExtension MAIL = TestMail.server();

  private static final String ANSWER =
      "If this address has an account, a reset link is on its way.";

  private final String email = Accounts.newEmail();

  @BeforeEach
  void signUp() {
    Page page = Accounts.signUp(new Browser(), email, Accounts.PASSWORD, Accounts.PASSWORD);
    assertEquals("/signin/", page.path(), page.body());
  }

  private static Page ask(String address) {
    Browser browser = new Browser();
    return browser.submit(
        browser.get("/forgot-password/"), "forgot", Map.of("email", address), "send");
  }

  private static Page reset(Browser browser, String linkPath, String password, String repeat) {
    Page form = browser.get(linkPath);
    assertEquals(200, form.status(), form.body());
    return browser.submit(
        form, "reset", Map.of("newPassword", password, "repeatPassword", repeat), "save");
  }

  /** Waits for {@code count} mails to {@code address} and returns the reset link paths in them. */
  private static List<String> linksMailedTo(String address, int count) throws Exception {
    List<MimeMessage> mails = TestMail.await(MAIL, address, count);
    assertEquals(count, mails.size(), "mails to " + address);
    return mails.stream().map(TestMail::resetLink).toList();
  }

  private static List<MimeMessage> mailsTo(String address) {
    return TestMail.to(MAIL, address);
  }

  @Test
  void aKnownAddressGetsOneMailWhoseLinkSetsANewPassword() throws Exception {
    Page answer = ask(email);
    assertEquals("/forgot-password/", answer.path());
    assertEquals(List.of(ANSWER), answer.successes());

    String link = linksMailedTo(email, 1).get(0);
    MimeMessage mail = mailsTo(email).get(0);
    assertEquals("Reset your Notejam password", mail.getSubject());
    assertTrue(GreenMailUtil.getBody(mail).contains(Browser.BASE.toString()), "absolute link");

    Page done = reset(new Browser(), link, "my new password", "my new password");
    assertEquals("/signin/", done.path());
    assertEquals(
        List.of("Your password is changed. Now you can sign in with the new one."),
        done.successes());
    assertEquals(
        List.of("Wrong email or password"),
        Accounts.signIn(new Browser(), email, Accounts.PASSWORD).errors());
    assertEquals(email, Accounts.signIn(new Browser(), email, "my new password").signedInAs());
  }

  @Test
  void aLinkWorksOnlyOnce() throws Exception {
    ask(email);
    String link = linksMailedTo(email, 1).get(0);
    reset(new Browser(), link, "my new password", "my new password");

    Page again = new Browser().get(link);

    assertTrue(again.document().select("form#reset").isEmpty());
    assertTrue(again.document().selectFirst(".invalid-link").text().contains("expired"));
    assertEquals("/forgot-password/", again.document().selectFirst("a.button").attr("href"));
    assertEquals(email, Accounts.signIn(new Browser(), email, "my new password").signedInAs());
  }

  @Test
  void usingOneLinkCancelsTheOtherOutstandingOnes() throws Exception {
    ask(email);
    ask(email);
    List<String> links = linksMailedTo(email, 2);
    Browser first = new Browser();
    Page firstForm = first.get(links.get(0));

    reset(new Browser(), links.get(1), "second new password", "second new password");
    Page late =
        first.submit(
            firstForm,
            "reset",
            Map.of("newPassword", "first new password", "repeatPassword", "first new password"),
            "save");

    assertTrue(late.document().select("form#reset").isEmpty(), late.body());
    assertEquals(
        List.of("Wrong email or password"),
        Accounts.signIn(new Browser(), email, "first new password").errors());
    assertEquals(email, Accounts.signIn(new Browser(), email, "second new password").signedInAs());
  }

  @Test
  void anExpiredLinkChangesNothing() throws Exception {
    long asked = System.nanoTime();
    ask(email);
    String link = linksMailedTo(email, 1).get(0);
    long lifetime = Long.getLong("notejam.reset.lifetime.seconds", 15);

    // Asks until the link has expired (opening it uses nothing up), not longer.
    long deadline = asked + Duration.ofSeconds(lifetime + 10).toNanos();
    Page page = new Browser().get(link);
    while (!page.document().select("form#reset").isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(250);
      page = new Browser().get(link);
    }
    long expiredAfter = System.nanoTime() - asked;

    assertTrue(page.document().select("form#reset").isEmpty(), "expired within lifetime + 10 s");
    assertTrue(expiredAfter >= Duration.ofSeconds(lifetime).toNanos(), "not before its lifetime");
    assertTrue(page.document().selectFirst(".invalid-link").text().contains("expired"));
    assertEquals(email, Accounts.signIn(new Browser(), email, Accounts.PASSWORD).signedInAs());
  }

  @Test
  void unknownAndMalformedLinksGetTheSamePage() {
    for (String path :
        List.of(
            "/reset-password/aW52ZW50ZWQtdG9rZW4tdGhhdC1kb2VzLW5vdC1leGlzdA/",
            "/reset-password/abc/")) {
      Page page = new Browser().get(path);
      assertEquals(200, page.status(), path);
      assertTrue(page.document().select("form#reset").isEmpty(), path);
      assertTrue(page.document().selectFirst(".invalid-link").text().contains("expired"), path);
    }
  }

  @Test
  void anUnknownAddressGetsTheSameAnswerAndNoMail() throws Exception {
    String stranger = Accounts.newEmail();
    double mailedBefore = mailedCount();

    Page answer = ask(stranger);

    assertEquals(List.of(ANSWER), answer.successes());
    // A link is counted before its mail is handed to the (background) mailer: none was made.
    assertEquals(mailedBefore, mailedCount(), "no link made for an unknown address");
    // Mail goes out in the background: once a later request's mail is here, an earlier one
    // would have come too.
    ask(email);
    linksMailedTo(email, 1);
    assertTrue(mailsTo(stranger).isEmpty());
  }

  @Test
  void theHourlyLimitDropsFurtherRequestsSilently() throws Exception {
    double droppedBefore = droppedCount();
    for (int i = 0; i < 5; i++) {
      assertEquals(List.of(ANSWER), ask(email).successes());
    }

    // Each request is counted, mailed or dropped, before its answer: two were dropped, so no 4th
    // or 5th mail is on its way once the three have come.
    assertEquals(droppedBefore + 2, droppedCount());
    assertEquals(3, linksMailedTo(email, 3).size());
    assertEquals(3, mailsTo(email).size(), "the 4th and 5th request send nothing");
  }

  @Test
  void missingOrInvalidEmailIsAFieldError() {
    assertEquals("This field is required", ask("").fieldError("forgot", "email"));
    assertEquals("Invalid email address", ask("nobody").fieldError("forgot", "email"));
  }

  @Test
  void newPasswordsMustMatchAndFollowTheRules() throws Exception {
    ask(email);
    String link = linksMailedTo(email, 1).get(0);

    assertEquals(
        "Your passwords don't match",
        reset(new Browser(), link, "my new password", "my other password")
            .fieldError("reset", "repeatPassword"));
    assertEquals(
        "Password must be 8 to 1000 characters long",
        reset(new Browser(), link, "short", "short").fieldError("reset", "newPassword"));
    assertFalse(new Browser().get(link).document().select("form#reset").isEmpty(), "still usable");
  }

  private static double droppedCount() {
    return Metrics.scrape().value("notejam_password_reset_dropped_total");
  }

  private static double mailedCount() {
    return Metrics.scrape().value("notejam_password_reset_requested_total");
  }
}
