package net.notejam.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import org.junit.jupiter.api.Test;

/** Prod's promises: peaks of four times the baseline, and the loss of an availability zone. */
class ProdTest {

  static final int ZONES = 3;

  private final Manifests prod = Manifests.of("overlays/prod");

  private Scaler scaler() {
    return Scaler.of(prod);
  }

  @Test
  void prodAbsorbsFourTimesTheBaselineTraffic() {
    int min = scaler().min();
    int max = scaler().max();
    assertTrue(max >= 4 * min, "maxReplicaCount " + max + " < 4 x minReplicaCount " + min);
  }

  @Test
  void prodSurvivesTheLossOfOneZone() {
    int min = scaler().min();
    assertTrue(min >= ZONES, "at least one pod per zone: minReplicaCount " + min);
    TopologySpreadConstraint zone =
        OverlayTest.app(prod)
            .getSpec()
            .getTemplate()
            .getSpec()
            .getTopologySpreadConstraints()
            .stream()
            .filter(t -> t.getTopologyKey().equals("topology.kubernetes.io/zone"))
            .findFirst()
            .orElseThrow();
    assertEquals("DoNotSchedule", zone.getWhenUnsatisfiable(), "spread is a promise in prod");
    assertEquals(1, zone.getMaxSkew());

    // With maxSkew 1 a zone holds at most ceil(min / zones) pods. The survivors must carry the
    // baseline below 100 % of their CPU request until replacements start elsewhere.
    int lost = (int) Math.ceil((double) min / ZONES);
    int target = scaler().cpuTarget();
    double survivorsLoad = (double) min * target / (min - lost);
    assertTrue(
        survivorsLoad <= 100,
        "after a zone loss " + (min - lost) + " pods run at " + survivorsLoad + " % of request");

    ObjectNode cluster = prod.custom("Cluster", OverlayTest.DB_CLUSTER);
    int instances = cluster.at("/spec/instances").asInt();
    assertEquals(ZONES, instances, "one PostgreSQL instance per zone");
    assertEquals("topology.kubernetes.io/zone", cluster.at("/spec/affinity/topologyKey").asText());
    assertEquals("required", cluster.at("/spec/affinity/podAntiAffinityType").asText());
    // A synchronous standby must remain after losing one zone, or commits would stall.
    int sync = cluster.at("/spec/postgresql/synchronous/number").asInt(0);
    assertTrue(sync >= 1 && sync <= instances - 2, "synchronous standbys: " + sync);
  }
}
