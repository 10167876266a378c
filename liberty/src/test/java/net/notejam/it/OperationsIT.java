package net.notejam.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What ops and monitoring see: health endpoints and Prometheus metrics. */
class OperationsIT {

  private final Browser browser = new Browser();

  @Test
  void startedOnceMigratedAndReadyWhileTheDatabaseAnswers() {
    Page started = browser.get("/health/started");
    assertEquals(200, started.status(), started.body());
    assertTrue(started.body().contains("\"schema-migrated\""), started.body());

    Page ready = browser.get("/health/ready");
    assertEquals(200, ready.status(), ready.body());
    assertTrue(ready.body().contains("\"database\""), ready.body());
  }

  @Test
  void metricsAreServedInPrometheusFormat() {
    Page metrics = browser.get("/metrics");
    assertEquals(200, metrics.status());
    assertTrue(metrics.body().contains("mp_scope=\"base\""), "base metrics are on");
  }
}
