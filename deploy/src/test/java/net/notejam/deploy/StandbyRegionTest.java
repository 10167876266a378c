package net.notejam.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Prod's warm standby in its DR region (overlays/prod-dr) and its promotion
 * (overlays/prod-dr-promoted), rendered: notejam-db replicates the primary from the DR region's
 * copy of the primary's WAL archive, under the primary's server name, and archives to a store of
 * its own; nothing region-bound still names the primary region; the app waits at 0 until promoted.
 */
class StandbyRegionTest {

  static final String STANDBY = "overlays/prod-dr";
  static final String PROMOTED = "overlays/prod-dr-promoted";
  private static final Pattern ARCHIVE =
      Pattern.compile("s3://notejam-prod-([a-z]+-[a-z]+-\\d)-pitr-(\\d{12})/");

  private static final Manifests PRIMARY = OverlayTest.rendered("prod");
  private static final Manifests STANDBY_REGION = Manifests.of(STANDBY);

  @Test
  void theStandbyDatabaseIsAReplicaClusterOfThePrimarysArchiveCopy() {
    ObjectNode cluster = STANDBY_REGION.custom("Cluster", OverlayTest.DB_CLUSTER);
    JsonNode replica = cluster.at("/spec/replica");
    assertTrue(replica.path("enabled").asBoolean(), "replica.enabled: " + replica);
    String source = replica.path("source").asText();
    assertEquals(
        source,
        cluster.at("/spec/bootstrap/recovery/source").asText(),
        "bootstrapped from the same source it follows");
    assertTrue(cluster.at("/spec/bootstrap/initdb").isMissingNode(), "no initdb beside recovery");

    JsonNode external = externalCluster(cluster, source);
    assertEquals(PointInTimeRecoveryTest.PLUGIN, external.at("/plugin/name").asText());
    assertEquals(
        primaryServerName(),
        external.at("/plugin/parameters/serverName").asText(),
        "reads the WAL where the primary writes it");
    String copy =
        destination(STANDBY_REGION, external.at("/plugin/parameters/barmanObjectName").asText());
    assertEquals(
        "s3://notejam-prod-" + standbyRegion() + "-pitr-replica-" + account() + "/",
        copy,
        "the DR region's replica of the primary's PITR bucket (RecoveryStack)");
  }

  @Test
  void theStandbyArchivesToItsOwnStoreNeverToThePrimarysPath() {
    ObjectNode cluster = STANDBY_REGION.custom("Cluster", OverlayTest.DB_CLUSTER);
    List<JsonNode> archivers = PointInTimeRecoveryTest.archivers(cluster);
    assertEquals(1, archivers.size());
    JsonNode archiver = archivers.get(0);
    String own = destination(STANDBY_REGION, archiver.at("/parameters/barmanObjectName").asText());
    assertEquals(
        "s3://notejam-prod-" + standbyRegion() + "-pitr-" + account() + "/",
        own,
        "the standby region's own PITR bucket");
    assertNotEquals(primaryArchive(), own);
    String serverName = archiver.at("/parameters/serverName").asText(OverlayTest.DB_CLUSTER);
    assertNotEquals(primaryServerName(), serverName, "a path of its own, also in a shared bucket");
    JsonNode external = externalCluster(cluster, cluster.at("/spec/replica/source").asText());
    assertNotEquals(
        external.at("/plugin/parameters/barmanObjectName").asText(),
        archiver.at("/parameters/barmanObjectName").asText(),
        "it never writes into the copy it reads");
  }

  @Test
  void nothingInTheStandbyNamesThePrimaryRegion() {
    String primaryRegion = primaryRegion();
    assertNotEquals(primaryRegion, standbyRegion());
    List<String> leftovers =
        STANDBY_REGION.raw.stream()
            .filter(object -> object.toString().contains(primaryRegion))
            .map(
                object -> object.path("kind").asText() + "/" + object.at("/metadata/name").asText())
            .toList();
    assertEquals(List.of(), leftovers, "region-bound values of " + primaryRegion);
  }

  @Test
  void theAppWaitsAtZeroWithoutAnAutoscalerUntilPromoted() {
    assertEquals(
        0, STANDBY_REGION.custom("Rollout", OverlayTest.APP).at("/spec/replicas").asInt(-1));
    assertEquals(List.of(), STANDBY_REGION.customs("ScaledObject"));
    assertEquals(List.of(), STANDBY_REGION.all(HorizontalPodAutoscaler.class));
    assertEquals(
        PRIMARY.customs("ScaledObject"), Manifests.of(PROMOTED).customs("ScaledObject"), "prod's");
  }

  @Test
  void thePromotionOnlyEndsReplicationAndHandsTheAppToItsAutoscaler() {
    Manifests promoted = Manifests.of(PROMOTED);
    ObjectNode cluster = promoted.custom("Cluster", OverlayTest.DB_CLUSTER);
    assertFalse(cluster.at("/spec/replica/enabled").asBoolean(true), "promoted");
    ObjectNode standbyCluster = STANDBY_REGION.custom("Cluster", OverlayTest.DB_CLUSTER).deepCopy();
    ((ObjectNode) standbyCluster.at("/spec/replica")).put("enabled", false);
    assertEquals(standbyCluster, cluster, "the Cluster differs in replica.enabled alone");
    assertTrue(
        promoted.custom("Rollout", OverlayTest.APP).at("/spec/replicas").isMissingNode(),
        "the ScaledObject owns the count");

    Set<String> changed = Set.of("Cluster/notejam-db", "Rollout/notejam");
    assertEquals(
        without(STANDBY_REGION.raw, changed),
        without(
            promoted.raw, Set.of("ScaledObject/notejam", "Cluster/notejam-db", "Rollout/notejam")));
  }

  static Set<ObjectNode> without(List<ObjectNode> objects, Set<String> names) {
    return objects.stream()
        .filter(
            o -> !names.contains(o.path("kind").asText() + "/" + o.at("/metadata/name").asText()))
        .collect(Collectors.toSet());
  }

  static JsonNode externalCluster(ObjectNode cluster, String name) {
    for (JsonNode external : cluster.at("/spec/externalClusters")) {
      if (external.path("name").asText().equals(name)) {
        return external;
      }
    }
    throw new AssertionError("no externalCluster " + name + " in " + cluster.at("/spec"));
  }

  static String destination(Manifests m, String objectStore) {
    return m.custom("ObjectStore", objectStore).at("/spec/configuration/destinationPath").asText();
  }

  private static String primaryArchive() {
    return destination(PRIMARY, PointInTimeRecoveryTest.OBJECT_STORE);
  }

  /** The primary's archive path: its plugin's serverName, by default the Cluster's name. */
  private static String primaryServerName() {
    ObjectNode cluster = PRIMARY.custom("Cluster", OverlayTest.DB_CLUSTER);
    return PointInTimeRecoveryTest.archivers(cluster)
        .get(0)
        .at("/parameters/serverName")
        .asText(OverlayTest.DB_CLUSTER);
  }

  private static Matcher primaryArchiveName() {
    Matcher matcher = ARCHIVE.matcher(primaryArchive());
    assertTrue(matcher.matches(), primaryArchive());
    return matcher;
  }

  private static String primaryRegion() {
    return primaryArchiveName().group(1);
  }

  private static String account() {
    return primaryArchiveName().group(2);
  }

  /** The region of the standby's own archive: where the standby runs. */
  private static String standbyRegion() {
    Matcher own =
        ARCHIVE.matcher(destination(STANDBY_REGION, PointInTimeRecoveryTest.OBJECT_STORE));
    assertTrue(own.matches());
    return own.group(1);
  }
}
