package net.notejam.it.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.List;
import net.notejam.it.support.Browser;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Drill: PostgreSQL stops for 20 s while signed-in users work. Their requests fail fast with the
 * error page (no hang: the slowest answer stays under the pool's 5 s wait plus a margin), the
 * server itself stays alive and reports not ready, and once PostgreSQL is back everything works
 * again by itself; every note acknowledged before the outage is still there.
 */
@Tag("slow-drill")
class DatabaseOutageDrillIT {

  private static final long OUTAGE_MILLIS = 20_000;

  @Test
  void aDatabaseOutageFailsFastAndHealsByItselfLosingNoAcknowledgedNote() throws Exception {
    Drills.requirePostgresql();
    String stop = System.getenv("NOTEJAM_IT_DB_STOP");
    String start = System.getenv("NOTEJAM_IT_DB_START");
    assumeTrue(
        stop != null && start != null,
        "set NOTEJAM_IT_DB_STOP and NOTEJAM_IT_DB_START (see README)");
    Browser probe = Browser.management();
    SignedInLoad load = SignedInLoad.start(Browser.BASE, 4, Duration.ofMillis(150));
    long duringOutage;
    long failedDuringOutage;
    long slowestDuringOutage;
    long notReady;
    long recoveredAfterMillis;
    try {
      // Every user has written a note before the outage (a note that must survive it).
      Drills.await(
          () -> load.acknowledged.values().stream().noneMatch(List::isEmpty),
          Duration.ofSeconds(60),
          "every user's first note acknowledged");
      long acknowledgedBefore = load.acknowledgedCount();
      List<String> emailsBefore = List.copyOf(load.emails);
      long outageStart = System.nanoTime();
      Drills.run(stop);
      Drills.await(
          () -> probe.get("/health/ready").status() != 200,
          Duration.ofSeconds(15),
          "readiness DOWN after the database stopped");
      notReady = probe.get("/health/ready").status();
      assertEquals(200, probe.get("/health/live").status(), "alive: no thread exhaustion");
      // The outage itself is the drill's design: the database stays away this long.
      Thread.sleep(Math.max(0, OUTAGE_MILLIS - (System.nanoTime() - outageStart) / 1_000_000));
      long outageEnd = System.nanoTime();
      Drills.run(start);
      long back = System.nanoTime();
      recoveredAfterMillis = -1;
      while (System.nanoTime() - back < Duration.ofSeconds(60).toNanos()) {
        if (probe.get("/health/ready").status() == 200) {
          recoveredAfterMillis = (System.nanoTime() - back) / 1_000_000;
          break;
        }
        Thread.sleep(250);
      }
      // The users work again: a first action started after the database was back succeeds.
      Drills.await(
          () -> load.outcomes.stream().anyMatch(o -> o.ok() && o.startedNanos() > back),
          Duration.ofSeconds(30),
          "a user's action succeeds after the outage");
      List<SignedInLoad.Outcome> outage =
          load.outcomes.stream()
              .filter(
                  o ->
                      o.startedNanos() > outageStart + 2_000_000_000L
                          && o.startedNanos() < outageEnd)
              .toList();
      duringOutage = outage.size();
      failedDuringOutage = outage.stream().filter(o -> !o.ok()).count();
      slowestDuringOutage = outage.stream().mapToLong(SignedInLoad.Outcome::millis).max().orElse(0);
      long lastOk = load.outcomes.stream().filter(o -> o.ok() && o.startedNanos() > back).count();
      assertEquals(503, notReady, "readiness DOWN while the database is away");
      assertTrue(recoveredAfterMillis >= 0, "readiness UP again without a restart");
      assertTrue(
          lastOk > 0,
          "the users' actions succeed again after the outage: "
              + load.outcomes.stream()
                  .filter(o -> o.startedNanos() > back)
                  .map(o -> o.millis() + " ms " + (o.ok() ? "ok" : o.detail()))
                  .limit(10)
                  .toList());
      assertTrue(duringOutage > 0, "the users kept trying during the outage");
      assertEquals(
          duringOutage, failedDuringOutage, "actions during the outage fail (with the error page)");
      assertTrue(
          slowestDuringOutage < 12_000,
          "fail fast, no hang: slowest " + slowestDuringOutage + " ms");
      load.close();
      load.assertEveryAcknowledgedNoteIsThere(Browser.BASE, emailsBefore);
      System.out.printf(
          "Database outage drill: PostgreSQL down %d s under 4 users; %d actions during it, all failed"
              + " fast (slowest %d ms) with the error page; readiness 503 then UP %d ms after"
              + " PostgreSQL was back; %d actions in all; %d notes acknowledged (%d before the"
              + " outage), all found%n",
          OUTAGE_MILLIS / 1000,
          duringOutage,
          slowestDuringOutage,
          recoveredAfterMillis,
          load.actions.get(),
          load.acknowledgedCount(),
          acknowledgedBefore);
    } finally {
      load.close();
      if (Browser.management().get("/health/ready").status() != 200) {
        Drills.run(start);
      }
    }
  }
}
