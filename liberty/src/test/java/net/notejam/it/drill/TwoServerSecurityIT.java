package net.notejam.it.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import net.notejam.it.support.Accounts;
import net.notejam.it.support.Browser;
import net.notejam.it.support.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Throttling and session ends hold across instances: two Notejam servers on one PostgreSQL (data
 * and sessions), as two pods are. A lock-out counted through one server refuses on the other, and a
 * password changed on one ends the user's session on the other. The pair has small per-address
 * limits of its own (3), including sign-ups, which the main test server leaves unlimited, and an
 * absolute session lifetime of 15 s.
 */
class TwoServerSecurityIT {

  private static final String TOO_MANY = "Too many attempts, try again later";
  private static final int ADDRESS_MAX = 3;

  /** The pair's absolute session lifetime: longer than any other test here keeps a session. */
  private static final Duration LIFETIME = Duration.ofSeconds(15);

  private static LibertyInstance a;
  private static LibertyInstance b;

  @BeforeAll
  static void startTwoServers() throws Exception {
    Drills.requirePostgresql();
    Path dir = Path.of("target", "drills", "two-server-security");
    Path keys = dir.resolve("ltpa.keys").toAbsolutePath();
    Files.createDirectories(dir);
    Files.deleteIfExists(keys);
    String[] limits = {
      "-Dnotejam.throttle.address.max-failures=" + ADDRESS_MAX,
      "-Dnotejam.throttle.address.max-sign-ups=" + ADDRESS_MAX,
      "-Dnotejam.throttle.address.max-reset-requests=" + ADDRESS_MAX,
      "-Dnotejam.session.absolute-lifetime=" + LIFETIME
    };
    a = LibertyInstance.create("notejam-security-a", 9293, keys).withJvmOptions(limits);
    b = LibertyInstance.create("notejam-security-b", 9294, keys).withJvmOptions(limits);
    a.start();
    b.start();
  }

  @AfterAll
  static void stopServers() {
    for (LibertyInstance server : new LibertyInstance[] {a, b}) {
      if (server != null) {
        server.stopQuietly();
      }
    }
  }

  @Test
  void anAccountLockedThroughOneServerIsRefusedOnTheOther() {
    String email = signedUpAt(a);
    for (int i = 0; i < 5; i++) {
      // Each failure from its own address, so that only the account's count can lock.
      Page failed = Accounts.signIn(browser(a, newAddress()), email, "wrong-password");
      assertEquals(List.of("Wrong email or password"), failed.errors(), failed.body());
    }
    Page refused = Accounts.signIn(browser(b, newAddress()), email, Accounts.PASSWORD);
    assertEquals(429, refused.status(), refused.body());
    assertEquals(List.of(TOO_MANY), refused.errors());
    assertEquals("", refused.signedInAs());
  }

  @Test
  void anAddressLockedThroughOneServerIsRefusedOnTheOther() {
    String address = newAddress();
    for (int i = 0; i < ADDRESS_MAX; i++) {
      Accounts.signIn(browser(a, address), Accounts.newEmail(), "wrong-password");
    }
    String email = signedUpAt(a);
    Page refused = Accounts.signIn(browser(b, address), email, Accounts.PASSWORD);
    assertEquals(429, refused.status(), refused.body());
    assertEquals(List.of(TOO_MANY), refused.errors());
  }

  @Test
  void signUpsAreLimitedByAddressAcrossServers() {
    String address = newAddress();
    for (int i = 0; i < ADDRESS_MAX; i++) {
      LibertyInstance server = i % 2 == 0 ? a : b;
      String email = Accounts.newEmail();
      Page created =
          Accounts.signUp(browser(server, address), email, Accounts.PASSWORD, Accounts.PASSWORD);
      assertEquals("/signin/", created.path(), created.body());
    }
    Page refused =
        Accounts.signUp(
            browser(b, address), Accounts.newEmail(), Accounts.PASSWORD, Accounts.PASSWORD);
    assertEquals(429, refused.status(), refused.body());
    assertEquals(List.of(TOO_MANY), refused.errors());
  }

  @Test
  void aPasswordChangedOnOneServerEndsTheUsersSessionOnTheOther() {
    String email = signedUpAt(a);
    Browser onA = browser(a, newAddress());
    Browser onB = browser(b, newAddress());
    assertEquals(email, Accounts.signIn(onA, email, Accounts.PASSWORD).signedInAs());
    assertEquals(email, Accounts.signIn(onB, email, Accounts.PASSWORD).signedInAs());
    assertEquals(email, onB.get("/").signedInAs());

    String newPassword = "a brand new password";
    Page changed =
        onA.submit(
            onA.get("/settings/"),
            "settings",
            Map.of(
                "oldPassword",
                Accounts.PASSWORD,
                "newPassword",
                newPassword,
                "repeatPassword",
                newPassword),
            "save");
    assertEquals(List.of("Your password is successfully changed."), changed.successes());

    assertEquals(email, onA.get("/").signedInAs(), "the session that changed it goes on");
    Page ended = onB.get("/");
    assertEquals("/signin/", ended.path(), "the other session ended: " + ended.body());
    assertEquals("", ended.signedInAs());
    assertEquals(email, Accounts.signIn(onB, email, newPassword).signedInAs());
  }

  @Test
  void aSignedInSessionEndsAfterItsAbsoluteLifetimeHoweverActive() throws InterruptedException {
    String email = signedUpAt(a);
    Browser browser = browser(a, newAddress());
    long before = System.nanoTime();
    assertEquals(email, Accounts.signIn(browser, email, Accounts.PASSWORD).signedInAs());
    long after = System.nanoTime();
    // Busy all along (no idle timeout can be what ends it), signed in until shortly before the end.
    while (System.nanoTime() < before + LIFETIME.minusSeconds(4).toNanos()) {
      assertEquals(email, browser.get("/").signedInAs(), "still within the lifetime");
      Thread.sleep(2000);
    }
    long end = after + LIFETIME.plusSeconds(1).toNanos();
    while (System.nanoTime() < end) {
      Thread.sleep(Math.max(1, (end - System.nanoTime()) / 1_000_000));
    }
    Page ended = browser.get("/");
    assertEquals("/signin/", ended.path(), "the lifetime is over: " + ended.body());
    assertEquals("", ended.signedInAs());
  }

  private static String signedUpAt(LibertyInstance server) {
    String email = Accounts.newEmail();
    Page created =
        Accounts.signUp(browser(server, newAddress()), email, Accounts.PASSWORD, Accounts.PASSWORD);
    assertEquals("/signin/", created.path(), created.body());
    return email;
  }

  private static Browser browser(LibertyInstance server, String address) {
    return new Browser(server.url, null, address);
  }

  private static String newAddress() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
  }
}
