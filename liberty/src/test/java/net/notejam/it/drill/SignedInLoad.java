package net.notejam.it.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;
import net.notejam.it.support.Accounts;
import net.notejam.it.support.Browser;
import net.notejam.it.support.Notejam;
import net.notejam.it.support.Page;

/**
 * A bounded load of signed-in people for the drills: each user, in a loop with a pause, opens "All
 * notes" (must show them signed in) or, every fourth time, writes a note (must be acknowledged with
 * "Note is successfully created"). Counts actions, failures and the slowest action, and remembers
 * every acknowledged note so that a drill can check none was lost.
 */
final class SignedInLoad implements AutoCloseable {

  record Outcome(long startedNanos, long millis, boolean ok, String detail) {}

  final List<String> emails = new ArrayList<>();
  final Map<String, List<String>> acknowledged = new ConcurrentHashMap<>();
  final AtomicLong actions = new AtomicLong();
  final AtomicLong failures = new AtomicLong();
  final LongAccumulator slowestMillis = new LongAccumulator(Math::max, 0);
  final ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();

  private final ExecutorService pool;
  private volatile boolean running = true;

  private SignedInLoad(int users) {
    pool = Executors.newFixedThreadPool(users);
  }

  /** Signs up and signs in {@code users} people through {@code base}, then starts their loops. */
  static SignedInLoad start(URI base, int users, Duration pause) {
    SignedInLoad load = new SignedInLoad(users);
    for (int i = 0; i < users; i++) {
      String email = Accounts.newEmail();
      Browser browser = new Browser(base, null);
      Page created = Accounts.signUp(browser, email, Accounts.PASSWORD, Accounts.PASSWORD);
      if (!created.path().equals("/signin/")) {
        throw new IllegalStateException("sign-up failed: " + created.status());
      }
      Page home = Accounts.signIn(browser, email, Accounts.PASSWORD);
      if (!email.equals(home.signedInAs())) {
        throw new IllegalStateException("sign-in failed: " + home.status());
      }
      load.emails.add(email);
      load.acknowledged.put(email, new ArrayList<>());
      load.pool.submit(() -> load.loop(email, browser, pause));
    }
    return load;
  }

  private void loop(String email, Browser browser, Duration pause) {
    for (long i = 1; running; i++) {
      long start = System.nanoTime();
      boolean ok;
      String detail;
      try {
        if (i % 4 == 0) {
          String name = "load " + UUID.randomUUID();
          Page page = Notejam.createNote(browser, name, "written under load", null);
          ok = page.successes().contains("Note is successfully created");
          detail = ok ? "" : "note not acknowledged: " + page.status() + " " + page.path();
          if (ok) {
            acknowledged.get(email).add(name);
          }
        } else {
          Page page = browser.get("/");
          ok = page.status() == 200 && email.equals(page.signedInAs());
          detail =
              ok
                  ? ""
                  : "all notes: "
                      + page.status()
                      + " "
                      + page.path()
                      + " as '"
                      + page.signedInAs()
                      + "'";
        }
      } catch (RuntimeException | AssertionError e) {
        // An error page instead of the form is a failed action, not the end of this user.
        ok = false;
        detail = e.getClass().getSimpleName() + ": " + e.getMessage();
      }
      long millis = (System.nanoTime() - start) / 1_000_000;
      actions.incrementAndGet();
      slowestMillis.accumulate(millis);
      if (!ok) {
        failures.incrementAndGet();
      }
      outcomes.add(new Outcome(start, millis, ok, detail));
      try {
        Thread.sleep(pause.toMillis());
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** The failures seen, with what went wrong, for an assertion message. */
  List<String> failureDetails() {
    return outcomes.stream().filter(o -> !o.ok()).map(Outcome::detail).limit(20).toList();
  }

  long acknowledgedCount() {
    return acknowledged.values().stream().mapToLong(List::size).sum();
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    pool.shutdown();
    pool.awaitTermination(60, TimeUnit.SECONDS);
  }

  /** Signs in each of {@code emails} at {@code base}: every acknowledged note must be listed. */
  void assertEveryAcknowledgedNoteIsThere(URI base, List<String> emails) {
    for (String email : emails) {
      Page home = Accounts.signIn(new Browser(base, null), email, Accounts.PASSWORD);
      assertEquals(
          "All notes (" + acknowledged.get(email).size() + ")",
          home.title(),
          "every acknowledged note of " + email + " is there");
    }
  }
}
