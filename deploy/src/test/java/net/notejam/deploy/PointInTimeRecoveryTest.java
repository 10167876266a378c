package net.notejam.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Point-in-time recovery as the manifests set it up (their schemas: SchemaTest): every WAL segment
 * of the live cluster archived to the environment's own PITR bucket, daily base backups there, a
 * 35-day window, and a recovery kustomization per environment that brings a side cluster back from
 * that archive to a target time without touching the live one.
 */
class PointInTimeRecoveryTest {

  static final String PLUGIN = "barman-cloud.cloudnative-pg.io";
  static final String OBJECT_STORE = "notejam-db-pitr";
  static final String SIDE_CLUSTER = "notejam-db-recovered";

  /** CloudNativePG's format for recoveryTarget.targetTime (PostgreSQL's timestamptz input). */
  static final DateTimeFormatter TARGET_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSx");

  @ParameterizedTest
  @ValueSource(strings = {"dev", "test", "prod"})
  void everyWalSegmentGoesToTheEnvironmentsPitrBucket(String env) {
    Manifests m = OverlayTest.rendered(env);
    ObjectNode store = m.custom("ObjectStore", OBJECT_STORE);
    JsonNode configuration = store.at("/spec/configuration");
    assertTrue(
        configuration
            .path("destinationPath")
            .asText()
            .matches("s3://notejam-" + env + "-[a-z0-9-]+-pitr-\\d{12}/"),
        env + ": its own bucket (Deployment.pitrBucketName): " + configuration);
    assertTrue(
        configuration.at("/s3Credentials/inheritFromIAMRole").asBoolean(),
        env + ": credentials from Pod Identity, no key in the cluster");
    assertFalse(configuration.at("/s3Credentials").has("accessKeyId"), env);
    assertEquals("35d", store.at("/spec/retentionPolicy").asText(), env + ": the PITR window");

    ObjectNode cluster = m.custom("Cluster", OverlayTest.DB_CLUSTER);
    List<JsonNode> archivers = archivers(cluster);
    assertEquals(1, archivers.size(), env + ": one WAL archiver");
    assertEquals(PLUGIN, archivers.get(0).path("name").asText());
    assertEquals(OBJECT_STORE, archivers.get(0).at("/parameters/barmanObjectName").asText(), env);
    assertTrue(
        cluster.at("/spec/backup/volumeSnapshot/onlineConfiguration/waitForArchive").asBoolean(),
        env + ": a snapshot waits until its WAL is archived");

    ObjectNode base = m.custom("ScheduledBackup", "notejam-db-base");
    assertEquals("plugin", base.at("/spec/method").asText());
    assertEquals(PLUGIN, base.at("/spec/pluginConfiguration/name").asText());
    assertEquals(OverlayTest.DB_CLUSTER, base.at("/spec/cluster/name").asText());
    String[] cron = base.at("/spec/schedule").asText().split(" ");
    assertEquals(6, cron.length, "CNPG cron has seconds");
    assertEquals("*", cron[3], env + ": a base backup every day");
    assertTrue(base.at("/spec/immediate").asBoolean(), env + ": the first one at once");
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "test", "prod"})
  void theRecoveryKustomizationMakesASideClusterFromTheArchive(String env) {
    Manifests live = OverlayTest.rendered(env);
    Manifests recovery = Manifests.of("recovery/" + env);
    assertEquals(
        List.of(
            "NetworkPolicy/" + SIDE_CLUSTER + "-egress",
            "NetworkPolicy/" + SIDE_CLUSTER + "-ingress",
            "Cluster/" + SIDE_CLUSTER),
        recovery.raw.stream()
            .map(n -> n.path("kind").asText() + "/" + n.at("/metadata/name").asText())
            .toList(),
        env
            + ": the side cluster, who may reach it and where it connects, nothing else of the environment changes");
    ObjectNode side = recovery.custom("Cluster", SIDE_CLUSTER);
    ObjectNode cluster = live.custom("Cluster", OverlayTest.DB_CLUSTER);
    assertEquals(
        cluster.at("/metadata/namespace").asText(),
        side.at("/metadata/namespace").asText(),
        env + ": next to the live cluster, where the ObjectStore is");
    assertEquals(cluster.at("/spec/imageName"), side.at("/spec/imageName"), env + ": same major");
    assertTrue(archivers(side).isEmpty(), env + ": the side cluster archives nothing");

    JsonNode recover = side.at("/spec/bootstrap/recovery");
    assertEquals(cluster.at("/spec/bootstrap/initdb/database"), recover.path("database"), env);
    OffsetDateTime.parse(recover.at("/recoveryTarget/targetTime").asText(), TARGET_TIME);
    assertEquals(1, side.at("/spec/externalClusters").size(), env);
    JsonNode source = side.at("/spec/externalClusters/0");
    assertEquals(recover.path("source").asText(), source.path("name").asText(), env);
    assertEquals(PLUGIN, source.at("/plugin/name").asText());
    assertEquals(OBJECT_STORE, source.at("/plugin/parameters/barmanObjectName").asText(), env);
    assertEquals(
        OverlayTest.DB_CLUSTER,
        source.at("/plugin/parameters/serverName").asText(),
        env + ": the live cluster's archive");
    live.custom("ObjectStore", source.at("/plugin/parameters/barmanObjectName").asText());
  }

  /**
   * The side cluster holds a full copy of the database: on PostgreSQL's port only the per-user
   * recovery Job and its own instance reach it (the operator from its namespace).
   */
  @ParameterizedTest
  @ValueSource(strings = {"dev", "test", "prod"})
  void onlyTheRecoveryJobReachesTheSideCluster(String env) {
    NetworkPolicy policy =
        Manifests.of("recovery/" + env).one(NetworkPolicy.class, SIDE_CLUSTER + "-ingress");
    Map<String, String> side = Map.of("cnpg.io/cluster", SIDE_CLUSTER);
    assertTrue(OverlayTest.selects(policy.getSpec().getPodSelector(), side), env);
    assertEquals(List.of("Ingress"), policy.getSpec().getPolicyTypes(), env);
    for (NetworkPolicyIngressRule rule : policy.getSpec().getIngress()) {
      for (NetworkPolicyPeer peer : rule.getFrom()) {
        if (peer.getNamespaceSelector() != null) {
          assertEquals(
              Map.of("kubernetes.io/metadata.name", "cnpg-system"),
              peer.getNamespaceSelector().getMatchLabels(),
              env + ": the operator only");
        } else {
          assertTrue(
              OverlayTest.selects(peer.getPodSelector(), RecoverUserJobTest.podLabels(env))
                  || OverlayTest.selects(peer.getPodSelector(), side),
              env + ": the recovery Job and the side instance only: " + peer);
        }
      }
    }
    assertFalse(
        RecoverUserJobTest.admitsOnPostgresql(
            policy, OverlayTest.podLabels(OverlayTest.rendered(env))),
        env + ": not the app");
  }

  static List<JsonNode> archivers(ObjectNode cluster) {
    List<JsonNode> archivers = new ArrayList<>();
    cluster
        .at("/spec/plugins")
        .forEach(
            p -> {
              if (p.path("isWALArchiver").asBoolean()) {
                archivers.add(p);
              }
            });
    return archivers;
  }
}
