package net.notejam.it.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import net.notejam.it.support.Database;

/** What the drills need from the machine, and how they skip (never in CI) without it. */
public final class Drills {

  private Drills() {}

  public static boolean ci() {
    return "true".equals(System.getenv("CI"));
  }

  /** The drills that share sessions or stop the database need PostgreSQL (DB_KIND=postgresql). */
  static void requirePostgresql() {
    requirePostgresql(
        "the drills",
        "this drill runs on PostgreSQL: set DB_KIND=postgresql and DB_* (see README)");
  }

  /**
   * A test that needs PostgreSQL: fails in CI, which must run {@code what} there, and is skipped
   * with {@code whySkipped} elsewhere (the embedded H2 default).
   */
  public static void requirePostgresql(String what, String whySkipped) {
    require(
        Database.isPostgresql(),
        "CI must run " + what + " on PostgreSQL (DB_KIND=postgresql)",
        whySkipped);
  }

  /**
   * What a drill needs from the machine ({@code present}): without it the drill fails with {@code
   * inCi} in CI, which must run every drill, and is skipped with {@code whySkipped} elsewhere.
   */
  public static void require(boolean present, String inCi, String whySkipped) {
    if (!present) {
      if (ci()) {
        fail(inCi);
      }
      assumeTrue(false, whySkipped);
    }
  }

  /**
   * Waits until {@code condition} holds, asking every 250 ms; fails with {@code what} after {@code
   * timeout}. For the states a drill waits for, instead of sleeping a guessed time.
   */
  public static void await(BooleanSupplier condition, Duration timeout, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        fail("not within " + timeout.toSeconds() + " s: " + what);
      }
      Thread.sleep(250);
    }
  }

  /** Runs a shell command (such as the one that stops PostgreSQL); it must succeed. */
  public static void run(String command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("sh", "-c", command).inheritIO().start();
    assertEquals(0, p.waitFor(), command);
  }
}
