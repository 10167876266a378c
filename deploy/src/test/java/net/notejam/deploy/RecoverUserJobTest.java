package net.notejam.deploy;

import static net.notejam.deploy.OverlayTest.DB_CLUSTER;
import static net.notejam.deploy.OverlayTest.selects;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The per-user recovery Job (deploy/recovery/&lt;env&gt;/user) as rendered: the backup image's
 * notejam-recover-user.sh between the side cluster and the live one, each by its own Secret, as a
 * locked-down pod of its own account, that may reach the two databases and nothing else, and that
 * both databases let in.
 */
class RecoverUserJobTest {

  static final String JOB = "notejam-recover-user";
  static final String SCRIPT = "notejam-recover-user.sh";

  static Manifests rendered(String env) {
    return Manifests.of("recovery/" + env + "/user");
  }

  static PodSpec pod(Manifests m) {
    return m.one(Job.class, JOB).getSpec().getTemplate().getSpec();
  }

  /** Labels of the Job's pod. */
  static Map<String, String> podLabels(String env) {
    return rendered(env).one(Job.class, JOB).getSpec().getTemplate().getMetadata().getLabels();
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "test", "prod"})
  void theJobRunsTheScriptOfTheOverlaysBackupImageFromTheSideToTheLiveDatabase(String env)
      throws IOException {
    Manifests m = rendered(env);
    Manifests live = OverlayTest.rendered(env);
    assertEquals(
        List.of("Job/" + JOB, "NetworkPolicy/" + JOB + "-egress", "ServiceAccount/" + JOB),
        m.raw.stream()
            .map(n -> n.path("kind").asText() + "/" + n.at("/metadata/name").asText())
            .sorted()
            .toList(),
        env + ": the Job and what it needs, nothing else of the environment");
    Job job = m.one(Job.class, JOB);
    assertEquals("notejam-" + env, job.getMetadata().getNamespace(), env);
    assertEquals(0, job.getSpec().getBackoffLimit(), env + ": a failed run is looked at, not run");

    Container c = pod(m).getContainers().get(0);
    Container backup = live.cronJobPod("notejam-backup").getSpec().getContainers().get(0);
    assertEquals(backup.getImage(), c.getImage(), env + ": the overlay's backup image, same tag");
    assertEquals(List.of("/usr/local/bin/" + SCRIPT), c.getCommand(), env);
    assertEquals(List.of("$(RECOVER_EMAIL)"), c.getArgs(), env);
    String containerfile = Files.readString(Manifests.DEPLOY.resolve("base/backup/Containerfile"));
    assertTrue(
        containerfile
            .lines()
            .anyMatch(
                l ->
                    l.startsWith("COPY ")
                        && l.contains(" " + SCRIPT + " ")
                        && l.endsWith(" /usr/local/bin/")),
        "the image carries the script");

    Map<String, EnvVar> vars =
        c.getEnv().stream().collect(Collectors.toMap(EnvVar::getName, v -> v));
    assertEquals(DB_CLUSTER + "-rw", vars.get("PGHOST").getValue(), env + ": into the live one");
    assertEquals(
        PointInTimeRecoveryTest.SIDE_CLUSTER + "-rw",
        vars.get("SIDE_HOST").getValue(),
        env + ": from the side cluster");
    for (String prefix : List.of("PG", "SIDE_")) {
      String cluster = prefix.equals("PG") ? DB_CLUSTER : PointInTimeRecoveryTest.SIDE_CLUSTER;
      for (String key : List.of("user", "password")) {
        EnvVar v = vars.get(prefix + key.toUpperCase());
        assertNull(v.getValue(), env + ": " + v.getName() + " from a Secret");
        assertEquals(cluster + "-app", v.getValueFrom().getSecretKeyRef().getName(), v.getName());
        assertEquals(
            key.equals("user") ? "username" : "password",
            v.getValueFrom().getSecretKeyRef().getKey(),
            v.getName());
      }
      assertEquals("notejam", vars.get(prefix + "DATABASE").getValue());
    }
    // The e-mail is personal data: from a ConfigMap made at run time, never in git.
    assertEquals(JOB, vars.get("RECOVER_EMAIL").getValueFrom().getConfigMapKeyRef().getName());
    assertTrue(vars.get("RECOVER_DRY_RUN").getValueFrom().getConfigMapKeyRef().getOptional());
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "test", "prod"})
  void itRunsAsNonRootOnAReadOnlyRootUnderAnAccountWithoutIdentity(String env) {
    Manifests m = rendered(env);
    PodSpec pod = pod(m);
    assertEquals(JOB, pod.getServiceAccountName(), env);
    ServiceAccount account = m.one(ServiceAccount.class, JOB);
    assertEquals(false, account.getAutomountServiceAccountToken(), env);
    assertEquals(false, pod.getAutomountServiceAccountToken(), env);
    assertTrue(pod.getSecurityContext().getRunAsNonRoot(), env);
    assertEquals("RuntimeDefault", pod.getSecurityContext().getSeccompProfile().getType(), env);
    Container c = pod.getContainers().get(0);
    var sc = c.getSecurityContext();
    assertAll(
        env,
        () -> assertEquals(true, sc.getRunAsNonRoot()),
        () -> assertEquals(1001L, sc.getRunAsUser()),
        () -> assertEquals(true, sc.getReadOnlyRootFilesystem()),
        () -> assertEquals(false, sc.getAllowPrivilegeEscalation()),
        () -> assertEquals(List.of("ALL"), sc.getCapabilities().getDrop()),
        () -> assertNotNull(c.getResources().getLimits().get("cpu")),
        () -> assertNotNull(c.getResources().getLimits().get("memory")));
    Map<String, Volume> volumes =
        pod.getVolumes().stream().collect(Collectors.toMap(Volume::getName, v -> v));
    c.getVolumeMounts()
        .forEach(vm -> assertNotNull(volumes.get(vm.getName()).getEmptyDir(), vm.getMountPath()));
    assertEquals(
        List.of("/tmp"), c.getVolumeMounts().stream().map(vm -> vm.getMountPath()).toList(), env);
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "test", "prod"})
  void itReachesTheTwoDatabasesOnlyAndBothLetItIn(String env) {
    Manifests m = rendered(env);
    Map<String, String> labels = podLabels(env);
    NetworkPolicy egress = m.one(NetworkPolicy.class, JOB + "-egress");
    assertTrue(selects(egress.getSpec().getPodSelector(), labels), env);
    assertEquals(List.of("Ingress", "Egress"), egress.getSpec().getPolicyTypes(), env);
    assertTrue(egress.getSpec().getIngress().isEmpty(), env + ": nothing connects to it");
    List<NetworkPolicyEgressRule> rules = egress.getSpec().getEgress();
    assertEquals(2, rules.size(), env + ": DNS and PostgreSQL");
    assertEquals(
        List.of(53, 53),
        rules.get(0).getPorts().stream().map(p -> p.getPort().getIntVal()).toList());
    assertEquals(
        List.of(
            Map.of("cnpg.io/cluster", DB_CLUSTER),
            Map.of("cnpg.io/cluster", PointInTimeRecoveryTest.SIDE_CLUSTER)),
        rules.get(1).getTo().stream().map(p -> p.getPodSelector().getMatchLabels()).toList(),
        env);
    assertEquals(
        List.of(5432), rules.get(1).getPorts().stream().map(p -> p.getPort().getIntVal()).toList());

    NetworkPolicy live = OverlayTest.rendered(env).one(NetworkPolicy.class, "notejam-db-ingress");
    NetworkPolicy side =
        Manifests.of("recovery/" + env)
            .one(NetworkPolicy.class, PointInTimeRecoveryTest.SIDE_CLUSTER + "-ingress");
    assertTrue(admitsOnPostgresql(live, labels), env + ": the live database lets it in");
    assertTrue(admitsOnPostgresql(side, labels), env + ": the side cluster lets it in");
  }

  /** Whether one of the policy's ingress rules admits pods with {@code labels} on 5432. */
  static boolean admitsOnPostgresql(NetworkPolicy policy, Map<String, String> labels) {
    for (NetworkPolicyIngressRule rule : policy.getSpec().getIngress()) {
      boolean postgres = rule.getPorts().stream().anyMatch(p -> p.getPort().getIntVal() == 5432);
      for (NetworkPolicyPeer peer : rule.getFrom()) {
        if (postgres
            && peer.getNamespaceSelector() == null
            && peer.getPodSelector() != null
            && selects(peer.getPodSelector(), labels)) {
          return true;
        }
      }
    }
    return false;
  }
}
