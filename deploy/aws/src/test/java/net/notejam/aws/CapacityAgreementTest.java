package net.notejam.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import net.notejam.deploy.Manifests;
import org.junit.jupiter.api.Test;

/**
 * CapacityPlan against what prod really runs: the prod overlay's requests, its autoscaler's bounds
 * and database, and Karpenter's pool in deploy/platform/prod.
 */
class CapacityAgreementTest {
  private static final Manifests PROD = Manifests.of("overlays/" + EnvironmentProfile.PROD.id());
  private static final JsonNode POOL = Manifests.of("platform/prod").custom("NodePool", "notejam");

  @Test
  void planIsWhatTheProdOverlayRequests() {
    assertEquals(CapacityPlan.PROD_PEAK, peakOf(PROD));
  }

  @Test
  void autoscalerMaximumIsAtLeastFourTimesTheBaseline() {
    Bounds bounds = bounds(PROD);
    assertTrue(
        bounds.max() >= CapacityPlan.PEAK_FACTOR * bounds.min(),
        () -> "maximum " + bounds.max() + " < 4 x minimum " + bounds.min());
  }

  @Test
  void fourTimesThePeakWithAZoneLostFitsThePoolLimit() {
    CapacityPlan.Workload peak = peakOf(PROD);
    assertEquals(List.of(), misfits(peak, POOL), "instance types where the peak does not fit");
  }

  @Test
  void doubledAppRequestsWouldNotFit() {
    CapacityPlan.Workload peak = peakOf(PROD);
    CapacityPlan.Workload doubled =
        new CapacityPlan.Workload(
            peak.appPods(),
            2 * peak.appPodMillicores(),
            peak.databaseInstances(),
            peak.databasePodMillicores());
    assertFalse(misfits(doubled, POOL).isEmpty(), "the check cannot fail");
  }

  /** The pool's instance types where the workload with a zone lost exceeds the CPU limit. */
  static List<String> misfits(CapacityPlan.Workload workload, JsonNode pool) {
    int limit = millicores(pool.path("spec").path("limits").path("cpu").asText());
    return requirement(pool, "node.kubernetes.io/instance-type").stream()
        .filter(type -> workload.poolMillicoresWithAZoneLost(type) > limit)
        .map(type -> type + " needs " + workload.poolMillicoresWithAZoneLost(type) + "m > " + limit)
        .collect(Collectors.toList());
  }

  /** The workload at the autoscaler's maximum, read from a rendered overlay. */
  static CapacityPlan.Workload peakOf(Manifests overlay) {
    JsonNode app =
        overlay.custom("Deployment", "notejam").path("spec").path("template").path("spec");
    JsonNode container = null;
    for (JsonNode c : app.path("containers")) {
      if (c.path("name").asText().equals("notejam")) {
        container = c;
      }
    }
    JsonNode database = overlay.custom("Cluster", "notejam-db").path("spec");
    return new CapacityPlan.Workload(
        bounds(overlay).max(),
        millicores(container.path("resources").path("requests").path("cpu").asText()),
        database.path("instances").asInt(),
        millicores(database.path("resources").path("requests").path("cpu").asText()));
  }

  record Bounds(int min, int max) {}

  /** The app's autoscaling bounds: a KEDA ScaledObject where one exists, else the HPA. */
  static Bounds bounds(Manifests overlay) {
    if (!overlay.customs("ScaledObject").isEmpty()) {
      JsonNode spec = overlay.custom("ScaledObject", "notejam").path("spec");
      return new Bounds(spec.path("minReplicaCount").asInt(), spec.path("maxReplicaCount").asInt());
    }
    JsonNode spec = overlay.custom("HorizontalPodAutoscaler", "notejam").path("spec");
    return new Bounds(spec.path("minReplicas").asInt(), spec.path("maxReplicas").asInt());
  }

  static List<String> requirement(JsonNode pool, String key) {
    List<String> values = new ArrayList<>();
    for (JsonNode r : pool.path("spec").path("template").path("spec").path("requirements")) {
      if (r.path("key").asText().equals(key)) {
        assertEquals("In", r.path("operator").asText(), key);
        r.path("values").forEach(v -> values.add(v.asText()));
      }
    }
    assertFalse(values.isEmpty(), "the pool names no " + key);
    return values;
  }

  /** A Kubernetes CPU quantity ("1", "1.5", "500m") in millicores. */
  static int millicores(String quantity) {
    if (quantity.endsWith("m")) {
      return Integer.parseInt(quantity.substring(0, quantity.length() - 1));
    }
    return (int) Math.round(Double.parseDouble(quantity) * 1000);
  }
}
