package net.notejam.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The fail back of README "Region failover", rendered: prod in its home region as a replica cluster
 * of the promoted standby's archive copy (overlays/prod-failback), its promotion
 * (overlays/prod-failback-promoted), the standby's write freeze (overlays/prod-dr-frozen) and the
 * standby rebuilt on home's new archive path (overlays/prod-dr-failback). No archive path is
 * written by two timelines: each database writes a server name nobody wrote before.
 */
class FailbackTest {
  static final String FAILBACK = "overlays/prod-failback";
  static final String FAILBACK_PROMOTED = "overlays/prod-failback-promoted";
  static final String FROZEN = "overlays/prod-dr-frozen";
  static final String STANDBY_AGAIN = "overlays/prod-dr-failback";

  private static final Manifests PRIMARY = OverlayTest.rendered("prod");
  private static final Manifests STANDBY = Manifests.of(StandbyRegionTest.STANDBY);
  private static final Manifests HOME = Manifests.of(FAILBACK);

  @Test
  void homeIsAReplicaClusterOfTheStandbysArchiveCopyInItsOwnRegion() {
    ObjectNode cluster = db(HOME);
    JsonNode replica = cluster.at("/spec/replica");
    assertTrue(replica.path("enabled").asBoolean(), "replica.enabled: " + replica);
    String source = replica.path("source").asText();
    assertEquals(source, cluster.at("/spec/bootstrap/recovery/source").asText());
    assertTrue(cluster.at("/spec/bootstrap/initdb").isMissingNode(), "no initdb beside recovery");

    JsonNode external = StandbyRegionTest.externalCluster(cluster, source);
    assertEquals(PointInTimeRecoveryTest.PLUGIN, external.at("/plugin/name").asText());
    assertEquals(
        serverName(db(STANDBY)),
        external.at("/plugin/parameters/serverName").asText(),
        "reads the WAL where the standby writes it");
    String standbyOwn =
        StandbyRegionTest.destination(STANDBY, PointInTimeRecoveryTest.OBJECT_STORE);
    String primaryOwn =
        StandbyRegionTest.destination(PRIMARY, PointInTimeRecoveryTest.OBJECT_STORE);
    assertEquals(
        primaryOwn.replace("-pitr-", "-pitr-replica-"),
        StandbyRegionTest.destination(
            HOME, external.at("/plugin/parameters/barmanObjectName").asText()),
        "the home region's replica of the standby's PITR bucket " + standbyOwn);
  }

  @Test
  void homeArchivesToItsOwnBucketUnderAPathNoTimelineWroteBefore() {
    ObjectNode cluster = db(HOME);
    JsonNode archiver = archiver(cluster);
    assertEquals(
        StandbyRegionTest.destination(PRIMARY, PointInTimeRecoveryTest.OBJECT_STORE),
        StandbyRegionTest.destination(HOME, archiver.at("/parameters/barmanObjectName").asText()),
        "prod's own PITR bucket");
    String own = serverName(cluster);
    assertNotEquals(serverName(db(PRIMARY)), own, "not the path that diverged at the failover");
    assertNotEquals(serverName(db(STANDBY)), own, "not the standby's path it reads");
    assertEquals(own, serverName(db(Manifests.of(FAILBACK_PROMOTED))), "kept by the promotion");
  }

  @Test
  void nothingAtHomeNamesTheStandbyRegionButThePathItReads() {
    String standbyRegion =
        StandbyRegionTest.destination(STANDBY, PointInTimeRecoveryTest.OBJECT_STORE)
            .replace("s3://notejam-prod-", "")
            .split("-pitr-")[0];
    for (String overlay : List.of(FAILBACK, FAILBACK_PROMOTED)) {
      List<String> values = new ArrayList<>();
      Manifests.of(overlay).raw.forEach(object -> leaves(object, values));
      assertEquals(
          Set.of(serverName(db(STANDBY))),
          Set.copyOf(values.stream().filter(v -> v.contains(standbyRegion)).toList()),
          overlay + ": no bucket, registry, endpoint or ACL of " + standbyRegion);
    }
  }

  @Test
  void theAppWaitsAtZeroUntilHomeIsPromoted() {
    for (Manifests stopped : List.of(HOME, Manifests.of(FROZEN))) {
      assertEquals(0, stopped.custom("Rollout", OverlayTest.APP).at("/spec/replicas").asInt(-1));
      assertEquals(List.of(), stopped.customs("ScaledObject"));
      assertEquals(List.of(), stopped.all(HorizontalPodAutoscaler.class));
    }
    Manifests promoted = Manifests.of(FAILBACK_PROMOTED);
    assertEquals(PRIMARY.customs("ScaledObject"), promoted.customs("ScaledObject"), "prod's");
    assertTrue(promoted.custom("Rollout", OverlayTest.APP).at("/spec/replicas").isMissingNode());
  }

  @Test
  void thePromotionBackOnlyEndsReplicationAndHandsTheAppToItsAutoscaler() {
    Manifests promoted = Manifests.of(FAILBACK_PROMOTED);
    ObjectNode cluster = db(promoted);
    assertFalse(cluster.at("/spec/replica/enabled").asBoolean(true), "promoted");
    ObjectNode replica = db(HOME).deepCopy();
    ((ObjectNode) replica.at("/spec/replica")).put("enabled", false);
    assertEquals(replica, cluster, "the Cluster differs in replica.enabled alone");
    assertEquals(
        StandbyRegionTest.without(HOME.raw, Set.of("Cluster/notejam-db", "Rollout/notejam")),
        StandbyRegionTest.without(
            promoted.raw, Set.of("ScaledObject/notejam", "Cluster/notejam-db", "Rollout/notejam")));
  }

  @Test
  void theWriteFreezeStopsTheAppAndLeavesTheStandbyPromoted() {
    Manifests promoted = Manifests.of(StandbyRegionTest.PROMOTED);
    Manifests frozen = Manifests.of(FROZEN);
    assertFalse(db(frozen).at("/spec/replica/enabled").asBoolean(true), "still takes its writes");
    assertEquals(db(promoted), db(frozen), "not turned into a replica of anything");
    assertEquals(
        StandbyRegionTest.without(promoted.raw, Set.of("ScaledObject/notejam", "Rollout/notejam")),
        StandbyRegionTest.without(frozen.raw, Set.of("Rollout/notejam")));
  }

  @Test
  void theRebuiltStandbyFollowsHomesNewPathAndWritesANewOneOfItsOwn() {
    Manifests again = Manifests.of(STANDBY_AGAIN);
    ObjectNode cluster = db(again);
    assertTrue(cluster.at("/spec/replica/enabled").asBoolean(), "a replica cluster again");
    JsonNode external =
        StandbyRegionTest.externalCluster(cluster, cluster.at("/spec/replica/source").asText());
    assertEquals(
        serverName(db(HOME)),
        external.at("/plugin/parameters/serverName").asText(),
        "reads where home archives since the fail back");
    String own = serverName(cluster);
    for (String written :
        List.of(serverName(db(PRIMARY)), serverName(db(STANDBY)), serverName(db(HOME)))) {
      assertNotEquals(written, own, "a path nobody wrote before");
    }
    assertEquals(
        StandbyRegionTest.destination(STANDBY, PointInTimeRecoveryTest.OBJECT_STORE),
        StandbyRegionTest.destination(
            again, archiver(cluster).at("/parameters/barmanObjectName").asText()),
        "the standby region's own bucket");
    assertEquals(
        StandbyRegionTest.without(STANDBY.raw, Set.of("Cluster/notejam-db")),
        StandbyRegionTest.without(again.raw, Set.of("Cluster/notejam-db")),
        "otherwise prod-dr");
  }

  private static ObjectNode db(Manifests m) {
    return m.custom("Cluster", OverlayTest.DB_CLUSTER);
  }

  private static JsonNode archiver(ObjectNode cluster) {
    List<JsonNode> archivers = PointInTimeRecoveryTest.archivers(cluster);
    assertEquals(1, archivers.size());
    return archivers.get(0);
  }

  /** The archive path a Cluster writes: its archiver's serverName, by default its own name. */
  private static String serverName(ObjectNode cluster) {
    return archiver(cluster).at("/parameters/serverName").asText(OverlayTest.DB_CLUSTER);
  }

  private static void leaves(JsonNode node, List<String> values) {
    if (node.isContainerNode()) {
      node.forEach(child -> leaves(child, values));
    } else {
      values.add(node.asText());
    }
  }
}
