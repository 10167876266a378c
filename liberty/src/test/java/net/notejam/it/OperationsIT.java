package net.notejam.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.notejam.it.drill.Drills;
import net.notejam.it.support.Accounts;
import net.notejam.it.support.Browser;
import net.notejam.it.support.Metrics;
import net.notejam.it.support.Notejam;
import net.notejam.it.support.Page;
import net.notejam.it.support.ServerLog;
import org.junit.jupiter.api.Test;

/** What ops and monitoring see: health endpoints, Prometheus metrics, JSON logs. */
class OperationsIT {

  /** Where the kubelet and Prometheus call: the management port. */
  private final Browser browser = Browser.management();

  @Test
  void startedOnceMigratedLiveWithoutTheDatabaseAndReadyWhileItAnswers() {
    Page started = browser.get("/health/started");
    assertEquals(200, started.status(), started.body());
    assertTrue(started.body().contains("\"schema-migrated\""), started.body());

    Page live = browser.get("/health/live");
    assertEquals(200, live.status(), live.body());
    assertFalse(live.body().contains("\"database\""), "liveness must not depend on the database");

    Page ready = browser.get("/health/ready");
    assertEquals(200, ready.status(), ready.body());
    assertTrue(ready.body().contains("\"database\""), ready.body());
  }

  @Test
  void metricsCountWhatAScriptedJourneyDid() {
    Metrics before = Metrics.scrape();
    String email = Accounts.newEmail();

    Browser user = new Browser();
    Accounts.signUp(user, email, Accounts.PASSWORD, Accounts.PASSWORD);
    Accounts.signIn(user, email, "wrong password!");
    Accounts.signIn(user, email, Accounts.PASSWORD);
    long pad = Notejam.createPad(user, "Metrics");
    long note = Notejam.createdNote(user, "Counted", "text", pad);
    Notejam.editNote(user, note, Map.of("text", "changed"));
    user.submit(user.get("/notes/" + note + "/delete/"), "delete", Map.of(), "confirm");
    user.get("/notes/" + note + "/"); // now a 404

    Metrics after = Metrics.scrape();
    assertEquals(1, delta(before, after, "notejam_signups_total"));
    assertEquals(1, delta(before, after, "notejam_signins_total", "result=\"failure\""));
    assertEquals(1, delta(before, after, "notejam_signins_total", "result=\"success\""));
    assertEquals(1, delta(before, after, "notejam_pad_changes_total", "change=\"created\""));
    assertEquals(1, delta(before, after, "notejam_note_changes_total", "change=\"created\""));
    assertEquals(1, delta(before, after, "notejam_note_changes_total", "change=\"updated\""));
    assertEquals(1, delta(before, after, "notejam_note_changes_total", "change=\"deleted\""));
    assertEquals(
        1,
        delta(
            before,
            after,
            "notejam_page_request_seconds_count",
            "page=\"/notes/{id}/\"",
            "status=\"4xx\""));
    assertEquals(
        1,
        delta(
            before,
            after,
            "notejam_page_request_seconds_count",
            "page=\"/notes/create/\"",
            "status=\"2xx\""),
        "the form");
    assertEquals(
        1,
        delta(
            before,
            after,
            "notejam_page_request_seconds_count",
            "page=\"/notes/create/\"",
            "status=\"3xx\""),
        "its post, redirected");
    assertTrue(after.has("notejam_page_request_seconds_bucket"), "a histogram for p95/p99");
    assertTrue(after.value("memory_usedHeap_bytes") > 0, "base metrics");
    assertTrue(after.has("connectionpool_freeConnections"), "vendor metrics: connection pool");
    assertTrue(after.has("servlet_request_total"), "vendor metrics: servlet requests");
    assertFalse(after.text().contains(email), "no personal data in metrics");
    assertFalse(after.text().matches("(?s).*page=\"/notes/[0-9].*"), "no ids in page labels");
  }

  @Test
  void jsonLogLinesCarryTheRequestIdOfTheAccessLogAndNoSecrets() throws IOException {
    String requestId = "it-" + UUID.randomUUID();
    String password = "log-secret-" + UUID.randomUUID();
    String text = "note-text-" + UUID.randomUUID();
    Browser traced = new Browser(requestId);
    Page created = Accounts.signUp(traced, Accounts.newEmail(), password, password);
    assertEquals(requestId, created.header("X-Request-Id"));
    Accounts.signIn(traced, "nobody@example.com", password);

    Browser user = Accounts.signedInUser(Accounts.newEmail());
    Notejam.createdNote(user, "Private", text, null);

    List<JsonObject> lines = ServerLog.lines();
    List<JsonObject> messages = new ArrayList<>();
    List<JsonObject> accessLog = new ArrayList<>();
    for (JsonObject line : lines) {
      if (requestId.equals(line.getString("ext_requestId", null))) {
        messages.add(line);
      }
      if (requestId.equals(line.getString("ibm_responseHeader_x-request-id", null))) {
        accessLog.add(line);
      }
    }
    assertFalse(messages.isEmpty(), "application log lines carry ext_requestId");
    assertTrue(
        messages.stream().anyMatch(m -> m.getString("message", "").startsWith("Account created")));
    assertFalse(accessLog.isEmpty(), "access log entries carry the same id");
    assertTrue(accessLog.stream().allMatch(a -> "liberty_accesslog".equals(a.getString("type"))));
    assertTrue(
        accessLog.stream()
            .anyMatch(
                a -> "/signup/".equals(a.getString("ibm_responseHeader_x-notejam-page", ""))));

    String raw = ServerLog.raw();
    assertFalse(raw.contains(password), "passwords never reach the log");
    assertFalse(raw.contains(text), "note text never reaches the log");
  }

  @Test
  void readinessGoesDownWhileTheDatabaseIsStoppedAndComesBackByItself() throws Exception {
    String stop = System.getenv("NOTEJAM_IT_DB_STOP");
    String start = System.getenv("NOTEJAM_IT_DB_START");
    assumeTrue(
        stop != null && start != null,
        "set NOTEJAM_IT_DB_STOP and NOTEJAM_IT_DB_START (commands that stop and start"
            + " PostgreSQL; .ci/run does) to run the database outage check");
    try {
      Drills.run(stop);
      assertEquals(503, waitForReadiness(503), "readiness DOWN while PostgreSQL is stopped");
      assertEquals(200, browser.get("/health/live").status(), "liveness stays UP");
    } finally {
      Drills.run(start);
    }
    assertEquals(200, waitForReadiness(200), "readiness UP again, without a restart");
    Browser user = Accounts.signedInUser(Accounts.newEmail());
    assertEquals("All notes (0)", user.get("/").title());
  }

  private int waitForReadiness(int wanted) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 60_000;
    int status;
    do {
      status = browser.get("/health/ready").status();
      if (status == wanted) {
        break;
      }
      Thread.sleep(500);
    } while (System.currentTimeMillis() < deadline);
    return status;
  }

  private static double delta(Metrics before, Metrics after, String name, String... labels) {
    return after.value(name, labels) - before.value(name, labels);
  }
}
