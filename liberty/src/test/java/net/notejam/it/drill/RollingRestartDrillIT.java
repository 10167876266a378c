package net.notejam.it.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.notejam.it.support.Accounts;
import net.notejam.it.support.Browser;
import net.notejam.it.support.Page;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Drill: a deploy without downtime. Two Notejam instances behind haproxy on loopback share
 * PostgreSQL (data and sign-ins) and the LTPA keys; under a bounded load of signed-in users, each
 * instance in turn is taken out of the balancer, stopped gracefully, started again and put back.
 * Not one action may fail, everyone stays signed in, every acknowledged note is there, and a form
 * opened before the restarts still submits after them.
 */
@Tag("slow-drill")
class RollingRestartDrillIT {

  @Test
  void rollingRestartLosesNoRequestNoSessionNoNote() throws Exception {
    Drills.requirePostgresql();
    Drills.require(
        HaProxy.installed(),
        "CI must install haproxy for the rolling restart drill",
        "haproxy not installed: apt-get install haproxy to run this drill");
    Path dir = Path.of("target", "drills", "rolling-restart");
    Path keys = dir.resolve("ltpa.keys").toAbsolutePath();
    java.nio.file.Files.createDirectories(dir);
    java.nio.file.Files.deleteIfExists(keys);
    LibertyInstance a = LibertyInstance.create("notejam-drill-a", 9181, keys).behindProxyOn(9180);
    LibertyInstance b = LibertyInstance.create("notejam-drill-b", 9182, keys).behindProxyOn(9180);
    List<LibertyInstance> both = List.of(a, b);
    List<String> timings = new ArrayList<>();
    try {
      timings.add("start a: " + a.start().toMillis() + " ms");
      timings.add("start b: " + b.start().toMillis() + " ms");
      try (HaProxy haproxy = HaProxy.start(dir, 9180, both)) {
        Browser writer = Accounts.signedInUserAt(haproxy.url);
        Page openForm = writer.get("/notes/create/");
        assertEquals(200, openForm.status());

        SignedInLoad load;
        try (SignedInLoad running = SignedInLoad.start(haproxy.url, 4, Duration.ofMillis(100))) {
          load = running;
          Thread.sleep(3000);
          for (LibertyInstance server : both) {
            haproxy.takeOut(server);
            Thread.sleep(2000); // requests in flight finish, as during a pod's preStop
            long stop = System.nanoTime();
            server.stop();
            timings.add(
                "graceful stop "
                    + server.name
                    + ": "
                    + (System.nanoTime() - stop) / 1_000_000
                    + " ms");
            timings.add(
                "restart " + server.name + ": " + server.start().toMillis() + " ms to ready");
            haproxy.putBack(server);
            haproxy.awaitUp(server); // its health checks pass, it takes traffic again
          }
          Thread.sleep(2000);
        }

        Page submitted =
            writer.submit(
                openForm, "note", Map.of("name", "Opened before", "text", "kept"), "save");
        assertEquals(
            List.of("Note is successfully created"),
            submitted.successes(),
            "the open form still submits");

        load.assertEveryAcknowledgedNoteIsThere(haproxy.url, List.copyOf(load.emails));
        System.out.printf(
            "Rolling restart drill: %d actions by 4 signed-in users, %d failed, slowest %d ms;"
                + " %d acknowledged notes all found; %s%n",
            load.actions.get(),
            load.failures.get(),
            load.slowestMillis.get(),
            load.acknowledgedCount(),
            String.join(", ", timings));
        assertTrue(load.actions.get() > 50, "the load really ran: " + load.actions.get());
        assertEquals(0, load.failures.get(), "failed actions: " + load.failureDetails());
      }
    } finally {
      for (LibertyInstance server : both) {
        server.stopQuietly();
      }
    }
  }
}
