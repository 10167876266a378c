package net.notejam.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;

/** What the drills need from the machine, and how they skip (never in CI) without it. */
final class Drills {

  private Drills() {}

  static boolean ci() {
    return "true".equals(System.getenv("CI"));
  }

  /** The drills that share sessions or stop the database need PostgreSQL (DB_KIND=postgresql). */
  static void requirePostgresql() {
    if (!"postgresql".equals(System.getenv("DB_KIND"))) {
      if (ci()) {
        fail("CI must run the drills on PostgreSQL (DB_KIND=postgresql)");
      }
      assumeTrue(false, "this drill runs on PostgreSQL: set DB_KIND=postgresql and DB_* (see README)");
    }
  }

  /** Runs a shell command (such as the one that stops PostgreSQL); it must succeed. */
  static void run(String command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("sh", "-c", command).inheritIO().start();
    assertEquals(0, p.waitFor(), command);
  }
}
