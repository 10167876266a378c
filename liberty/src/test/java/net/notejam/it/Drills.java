package net.notejam.it;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
}
