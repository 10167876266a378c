package net.notejam.deploy;

import static net.notejam.deploy.OverlayTest.DB_CLUSTER;
import static net.notejam.deploy.OverlayTest.selects;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The pruning of CloudNativePG's volume-snapshot restore points: notejam-snapshot-prune.sh run here
 * on Backup lists in the shape `kubectl get backups -o json` gives (src/test/resources
 * snapshot-prune/), with a fake kubectl that prints the list and records the deletes, since there
 * is no cluster; and the CronJob, its account, Role and NetworkPolicy as each overlay renders them.
 */
class SnapshotPruneTest {

  static final String PRUNE = "notejam-snapshot-prune";
  static final Path SCRIPT = Manifests.DEPLOY.resolve("base/backup/" + PRUNE + ".sh");
  static final Path FIXTURES = Manifests.DEPLOY.resolve("src/test/resources/snapshot-prune");
  static final long NOW = Instant.parse("2026-12-01T00:00:00Z").getEpochSecond();

  @TempDir Path tmp;

  /** What the script printed and which kubectl calls it made. */
  record Run(int exit, String output, List<String> kubectl) {}

  private Run run(String fixture, int days, String... args) throws Exception {
    Manifests.onPathOrSkip("jq", "the pruning script's tests", "install jq");
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    Path fake = bin.resolve("kubectl");
    Files.writeString(
        fake,
        """
        #!/bin/sh
        echo "$*" >>"$FAKE_KUBECTL_LOG"
        case "$1" in get) cat "$FAKE_KUBECTL_BACKUPS" ;; esac
        """);
    Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path log = tmp.resolve("kubectl.log");
    Files.writeString(log, "");
    ProcessBuilder pb =
        new ProcessBuilder(
            Stream.concat(Stream.of("sh", SCRIPT.toString()), Stream.of(args)).toList());
    Map<String, String> env = pb.environment();
    env.put("PATH", bin + ":" + env.get("PATH"));
    env.put("PRUNE_AFTER_DAYS", String.valueOf(days));
    env.put("PRUNE_NOW", String.valueOf(NOW));
    env.put("TMPDIR", tmp.toString());
    env.put("FAKE_KUBECTL_LOG", log.toString());
    env.put("FAKE_KUBECTL_BACKUPS", FIXTURES.resolve(fixture).toString());
    pb.redirectErrorStream(true);
    if (args.length > 0 && args[0].equals("--select")) {
      pb.redirectInput(FIXTURES.resolve(fixture).toFile());
    }
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the script timed out");
    return new Run(p.exitValue(), out, Files.readAllLines(log));
  }

  private static final String DELETE_SNAPSHOTS =
      "delete volumesnapshots.snapshot.storage.k8s.io --ignore-not-found --wait=false ";
  private static final String DELETE_BACKUP =
      "delete backups.postgresql.cnpg.io --ignore-not-found --wait=false ";

  @Test
  void selectsOldVolumeSnapshotRestorePointsOfTheReleasesAndTheDailyScheduleWithTheirSnapshots()
      throws Exception {
    Run run = run("backups.json", 14, "--select", String.valueOf(NOW));
    assertEquals(0, run.exit(), run.output());
    assertEquals(
        List.of(
            // older than 14 days, completed: the Backup and its snapshot
            "notejam-db-daily-20261001030000 notejam-db-daily-20261001030000",
            // every snapshot the Backup's status names (here PGDATA and a WAL volume)
            "notejam-db-release-4356e9c notejam-db-release-4356e9c notejam-db-release-4356e9c-wal",
            // failed before any snapshot: the Backup alone
            "notejam-db-release-7a69e35"),
        run.output().lines().toList(),
        "not the plugin's base backup, not a snapshot named by hand, not one still running, not"
            + " the two of the last 14 days (2026-11-17 03:00 is 13 days 21 hours old)");
    assertTrue(run.kubectl().isEmpty(), "the selection calls nothing");
  }

  @Test
  void theNewestCompletedRestorePointStaysHoweverOld() throws Exception {
    Run run = run("backups-all-old.json", 7, "--select", String.valueOf(NOW));
    assertEquals(
        List.of(
            "notejam-db-daily-20260101030000 notejam-db-daily-20260101030000",
            "notejam-db-daily-20260115030000"),
        run.output().lines().toList(),
        "the newest failed one goes, the newest completed one (2026-01-08) stays");
  }

  @Test
  void deletesEachRestorePointsSnapshotsThenItsBackup() throws Exception {
    Run run = run("backups.json", 14);
    assertEquals(0, run.exit(), run.output());
    assertEquals(
        List.of(
            "get backups.postgresql.cnpg.io -o json",
            DELETE_SNAPSHOTS + "notejam-db-daily-20261001030000",
            DELETE_BACKUP + "notejam-db-daily-20261001030000",
            DELETE_SNAPSHOTS + "notejam-db-release-4356e9c notejam-db-release-4356e9c-wal",
            DELETE_BACKUP + "notejam-db-release-4356e9c",
            DELETE_BACKUP + "notejam-db-release-7a69e35"),
        run.kubectl());
    assertTrue(run.output().contains("3 restore points older than 14 days deleted"), run.output());
  }

  @Test
  void aDryRunDeletesNothingAndABadRetentionIsRefused() throws Exception {
    Run dry = run("backups.json", 14, "--dry-run");
    assertEquals(0, dry.exit(), dry.output());
    assertEquals(List.of("get backups.postgresql.cnpg.io -o json"), dry.kubectl());
    assertEquals(3, dry.output().lines().filter(l -> l.contains("would delete")).count());

    ProcessBuilder pb = new ProcessBuilder("sh", SCRIPT.toString(), "--dry-run");
    pb.environment().put("PRUNE_AFTER_DAYS", "2w");
    pb.redirectErrorStream(true);
    Process p = pb.start();
    p.getInputStream().readAllBytes();
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    assertEquals(64, p.exitValue());
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "test", "prod"})
  void eachEnvironmentPrunesAfterItsOwnRetentionWithTheBackupImage(String env) {
    Manifests m = OverlayTest.rendered(env);
    CronJob job = m.one(CronJob.class, PRUNE);
    assertEquals("Forbid", job.getSpec().getConcurrencyPolicy());
    assertEquals("Etc/UTC", job.getSpec().getTimeZone());
    PodSpec pod = job.getSpec().getJobTemplate().getSpec().getTemplate().getSpec();
    Container c = pod.getContainers().get(0);
    Container backup = m.cronJobPod("notejam-backup").getSpec().getContainers().get(0);
    assertEquals(backup.getImage(), c.getImage(), env + ": the overlay's backup image");
    assertEquals(List.of("/usr/local/bin/" + PRUNE + ".sh"), c.getCommand());
    Map<String, String> vars =
        c.getEnv().stream()
            .collect(java.util.stream.Collectors.toMap(EnvVar::getName, EnvVar::getValue));
    assertEquals(
        Map.of("dev", "7", "test", "14", "prod", "90").get(env),
        vars.get("PRUNE_AFTER_DAYS"),
        env + ": far less kept outside prod");
    assertEquals(Map.of("PRUNE_AFTER_DAYS", vars.get("PRUNE_AFTER_DAYS")), vars);

    assertTrue(pod.getSecurityContext().getRunAsNonRoot());
    assertEquals("RuntimeDefault", pod.getSecurityContext().getSeccompProfile().getType());
    var sc = c.getSecurityContext();
    assertAll(
        env,
        () -> assertEquals(true, sc.getRunAsNonRoot()),
        () -> assertEquals(true, sc.getReadOnlyRootFilesystem()),
        () -> assertEquals(false, sc.getAllowPrivilegeEscalation()),
        () -> assertEquals(List.of("ALL"), sc.getCapabilities().getDrop()),
        () ->
            assertEquals(
                List.of("/tmp"), c.getVolumeMounts().stream().map(v -> v.getMountPath()).toList()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "test", "prod"})
  void itMayOnlyListAndDeleteBackupsAndVolumeSnapshotsInItsNamespace(String env) {
    Manifests m = OverlayTest.rendered(env);
    PodSpec pod = m.cronJobPod(PRUNE).getSpec();
    assertEquals(PRUNE, pod.getServiceAccountName());
    assertEquals(true, m.one(ServiceAccount.class, PRUNE).getAutomountServiceAccountToken());
    Role role = m.one(Role.class, PRUNE);
    assertEquals("notejam-" + env, role.getMetadata().getNamespace());
    assertEquals(
        List.of(
            "postgresql.cnpg.io/backups: [get, list, delete]",
            "snapshot.storage.k8s.io/volumesnapshots: [get, list, delete]"),
        role.getRules().stream().map(SnapshotPruneTest::rule).toList());
    assertTrue(role.getRules().stream().allMatch(r -> r.getResourceNames().isEmpty()));
    RoleBinding binding = m.one(RoleBinding.class, PRUNE);
    assertEquals("Role", binding.getRoleRef().getKind());
    assertEquals(PRUNE, binding.getRoleRef().getName());
    assertEquals(1, binding.getSubjects().size());
    assertEquals("ServiceAccount", binding.getSubjects().get(0).getKind());
    assertEquals(PRUNE, binding.getSubjects().get(0).getName());
    assertTrue(m.all(io.fabric8.kubernetes.api.model.rbac.ClusterRole.class).isEmpty());
  }

  private static String rule(PolicyRule r) {
    assertEquals(1, r.getApiGroups().size());
    assertEquals(1, r.getResources().size());
    return r.getApiGroups().get(0) + "/" + r.getResources().get(0) + ": " + r.getVerbs();
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "test", "prod"})
  void itReachesDnsAndTheApiServerOnly(String env) {
    Manifests m = OverlayTest.rendered(env);
    Map<String, String> labels = m.cronJobPod(PRUNE).getMetadata().getLabels();
    NetworkPolicy np = m.one(NetworkPolicy.class, PRUNE + "-egress");
    assertTrue(selects(np.getSpec().getPodSelector(), labels));
    assertTrue(np.getSpec().getIngress().isEmpty(), "nothing connects to it");
    List<NetworkPolicyEgressRule> rules = np.getSpec().getEgress();
    assertEquals(2, rules.size());
    assertEquals(
        List.of(53, 53),
        rules.get(0).getPorts().stream().map(p -> p.getPort().getIntVal()).toList());
    assertEquals(
        List.of(443), rules.get(1).getPorts().stream().map(p -> p.getPort().getIntVal()).toList());
    String vpc = NetworkPolicyTest.envValues(env).get("vpcCidr");
    assertEquals(
        List.of(vpc, "172.20.0.1/32"),
        rules.get(1).getTo().stream().map(p -> p.getIpBlock().getCidr()).toList(),
        env + ": the control plane's interfaces in the environment's VPC and the API Service");
    // The database does not let it in.
    assertTrue(
        !RecoverUserJobTest.admitsOnPostgresql(
            m.one(NetworkPolicy.class, "notejam-db-ingress"), labels));
  }

  @Test
  void cloudNativePgSnapshotsUseTheClassThatDeletesTheEbsSnapshotWithTheVolumeSnapshot() {
    Manifests clusterScoped = Manifests.of("base/cluster-scoped");
    for (String env : List.of("dev", "test", "prod")) {
      ObjectNode cluster = OverlayTest.rendered(env).custom("Cluster", DB_CLUSTER);
      String className = cluster.at("/spec/backup/volumeSnapshot/className").asText();
      assertEquals("notejam-ebs-pruned", className, env);
      assertEquals(
          "Delete",
          clusterScoped.custom("VolumeSnapshotClass", className).path("deletionPolicy").asText());
      assertEquals(
          "none", cluster.at("/spec/backup/volumeSnapshot/snapshotOwnerReference").asText());
    }
    assertEquals(
        "Retain",
        clusterScoped
            .custom("VolumeSnapshotClass", "notejam-ebs-retain")
            .path("deletionPolicy")
            .asText(),
        "kept for snapshots that must outlive the namespace");
  }
}
