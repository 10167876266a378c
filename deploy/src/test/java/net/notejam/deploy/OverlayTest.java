package net.notejam.deploy;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.RollingUpdateDeployment;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What every environment must get right, checked on the rendered overlay. */
class OverlayTest {

  static final String APP = "notejam";
  static final String DB_CLUSTER = "notejam-db";
  static final int LONGEST_REQUEST_SECONDS = 30; // socketTimeout of the datasource

  static Manifests rendered(String env) {
    return Manifests.of("overlays/" + env);
  }

  static Deployment app(Manifests m) {
    return m.one(Deployment.class, APP);
  }

  static Container container(Manifests m) {
    List<Container> containers = app(m).getSpec().getTemplate().getSpec().getContainers();
    assertEquals(1, containers.size(), "one container per pod");
    return containers.get(0);
  }

  static Map<String, String> podLabels(Manifests m) {
    return app(m).getSpec().getTemplate().getMetadata().getLabels();
  }

  /** Labels of the backup job's pods. */
  static Map<String, String> backupPodLabels(Manifests m) {
    return m.cronJobPod("notejam-backup").getMetadata().getLabels();
  }

  /**
   * Labels of the pods in use: the app's, the backup and snapshot pruning jobs' and those
   * CloudNativePG gives each instance.
   */
  static List<Map<String, String>> podLabelSets(Manifests m) {
    List<Map<String, String>> sets = new ArrayList<>();
    sets.add(podLabels(m));
    sets.add(backupPodLabels(m));
    sets.add(m.cronJobPod(SnapshotPruneTest.PRUNE).getMetadata().getLabels());
    for (ObjectNode cluster : m.customs("Cluster")) {
      sets.add(Map.of("cnpg.io/cluster", cluster.path("metadata").path("name").asText()));
    }
    return sets;
  }

  static boolean selects(LabelSelector selector, Map<String, String> labels) {
    assertTrue(
        selector.getMatchExpressions() == null || selector.getMatchExpressions().isEmpty(),
        "selectors use matchLabels only, so these checks see them whole");
    Map<String, String> wanted =
        selector.getMatchLabels() == null ? Map.of() : selector.getMatchLabels();
    return labels.entrySet().containsAll(wanted.entrySet());
  }

  static int port(Container c, IntOrString port) {
    if (port.getIntVal() != null) {
      return port.getIntVal();
    }
    return c.getPorts().stream()
        .filter(p -> p.getName().equals(port.getStrVal()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no container port named " + port.getStrVal()))
        .getContainerPort();
  }

  static Map<String, String> settings(Manifests m) {
    return m.one(ConfigMap.class, "notejam-settings").getData();
  }

  static Map<String, String> targetGroupAttributes(Ingress ingress) {
    String attributes =
        ingress
            .getMetadata()
            .getAnnotations()
            .get("alb.ingress.kubernetes.io/target-group-attributes");
    assertNotNull(attributes, "target-group-attributes annotation");
    Map<String, String> map = new HashMap<>();
    for (String pair : attributes.trim().split(",")) {
      String[] kv = pair.trim().split("=", 2);
      map.put(kv[0], kv[1]);
    }
    return map;
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "test", "prod"})
  void probesAskLibertyHealthOnTheAppPort(String env) {
    Manifests m = rendered(env);
    Container c = container(m);
    Map<String, Probe> probes =
        Map.of(
            "/health/started", c.getStartupProbe(),
            "/health/live", c.getLivenessProbe(),
            "/health/ready", c.getReadinessProbe());
    probes.forEach(
        (path, probe) -> {
          assertNotNull(probe, env + ": probe for " + path);
          assertEquals(path, probe.getHttpGet().getPath(), env);
          assertEquals(9090, port(c, probe.getHttpGet().getPort()), env + ": " + path + " port");
        });
    // Liveness must not kill a pod that is merely slow to start: the startup probe covers that.
    int startupBudget =
        c.getStartupProbe().getPeriodSeconds() * c.getStartupProbe().getFailureThreshold();
    assertTrue(startupBudget >= 60, env + ": startup probe allows " + startupBudget + " s");
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "test", "prod"})
  void podsSpreadOverZonesAndNodes(String env) {
    Manifests m = rendered(env);
    List<TopologySpreadConstraint> spread =
        app(m).getSpec().getTemplate().getSpec().getTopologySpreadConstraints();
    Map<String, TopologySpreadConstraint> byKey =
        spread.stream().collect(Collectors.toMap(TopologySpreadConstraint::getTopologyKey, t -> t));
    TopologySpreadConstraint zone = byKey.get("topology.kubernetes.io/zone");
    TopologySpreadConstraint host = byKey.get("kubernetes.io/hostname");
    assertNotNull(zone, env + ": spread over zones");
    assertNotNull(host, env + ": spread over nodes");
    for (TopologySpreadConstraint t : List.of(zone, host)) {
      assertEquals(1, t.getMaxSkew(), env);
      assertTrue(selects(t.getLabelSelector(), podLabels(m)), env + ": spread selects our pods");
      assertTrue(Set.of("DoNotSchedule", "ScheduleAnyway").contains(t.getWhenUnsatisfiable()));
    }
    if (zone.getWhenUnsatisfiable().equals("DoNotSchedule")) {
      // Otherwise the nodes of a lost zone still count and block rescheduling elsewhere.
      assertEquals("Honor", zone.getNodeTaintsPolicy(), env + ": lost zone's nodes are ignored");
      assertNull(
          zone.getMinDomains(), env + ": minDomains would block scheduling with a zone down");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "test", "prod"})
  void disruptionBudgetAllowsOneDisruptionButNeverBlocksAll(String env) {
    Manifests m = rendered(env);
    List<PodDisruptionBudget> budgets = m.all(PodDisruptionBudget.class);
    assertEquals(1, budgets.size(), env);
    PodDisruptionBudget pdb = budgets.get(0);
    assertTrue(selects(pdb.getSpec().getSelector(), podLabels(m)), env + ": PDB covers the app");
    Scaler scaler = Scaler.of(m);
    IntOrString maxUnavailable = pdb.getSpec().getMaxUnavailable();
    IntOrString minAvailable = pdb.getSpec().getMinAvailable();
    if (maxUnavailable != null) {
      assertNull(minAvailable, env);
      assertEquals(1, maxUnavailable.getIntVal(), env + ": one pod at a time, never zero");
    } else {
      assertNotNull(minAvailable, env);
      assertTrue(
          minAvailable.getIntVal() != null && minAvailable.getIntVal() < scaler.min(),
          env + ": minAvailable below the minimum leaves one disruption allowed");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "test", "prod"})
  void rolloutAddsPodsBeforeRemovingAny(String env) {
    Manifests m = rendered(env);
    Deployment d = app(m);
    assertEquals("RollingUpdate", d.getSpec().getStrategy().getType(), env);
    RollingUpdateDeployment rolling = d.getSpec().getStrategy().getRollingUpdate();
    IntOrString maxUnavailable = rolling.getMaxUnavailable();
    assertTrue(
        Integer.valueOf(0).equals(maxUnavailable.getIntVal())
            || "0%".equals(maxUnavailable.getStrVal()),
        env + ": maxUnavailable 0");
    IntOrString surge = rolling.getMaxSurge();
    assertTrue(
        surge.getIntVal() != null
            ? surge.getIntVal() >= 1
            : Integer.parseInt(surge.getStrVal().replace("%", "")) >= 25,
        env + ": maxSurge at least 25 %");
    // The scaler owns the count; a replicas field would reset it on every deploy.
    assertNull(d.getSpec().getReplicas(), env + ": no spec.replicas beside a scaler");
    assertEquals("Rollout", Scaler.of(m).target().path("kind").asText());
    assertEquals(APP, Scaler.of(m).target().path("name").asText());
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "test", "prod"})
  void autoscalerRisesFastAndFallsSlowly(String env) {
    Scaler scaler = Scaler.of(rendered(env));
    assertTrue(scaler.max() > scaler.min(), env);
    int target = scaler.cpuTarget();
    assertTrue(target >= 50 && target <= 70, env + ": CPU target " + target);
    assertTrue(scaler.behavior().at("/scaleUp/stabilizationWindowSeconds").asInt() <= 30, env);
    assertTrue(scaler.behavior().at("/scaleDown/stabilizationWindowSeconds").asInt() >= 180, env);
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "test", "prod"})
  void imagesArePinnedNeverLatest(String env) {
    Manifests m = rendered(env);
    List<String> images = new ArrayList<>();
    for (Deployment d : m.all(Deployment.class)) {
      PodSpec pod = d.getSpec().getTemplate().getSpec();
      pod.getContainers().forEach(c -> images.add(c.getImage()));
      if (pod.getInitContainers() != null) {
        pod.getInitContainers().forEach(c -> images.add(c.getImage()));
      }
    }
    m.customs("Cluster").forEach(c -> images.add(c.path("spec").path("imageName").asText()));
    assertFalse(images.isEmpty());
    for (String image : images) {
      int slash = image.lastIndexOf('/');
      int colon = image.lastIndexOf(':');
      assertTrue(colon > slash, env + ": " + image + " has no tag or digest");
      String tag = image.substring(colon + 1);
      assertFalse(tag.equals("latest") || tag.isBlank(), env + ": " + image);
    }
    // What was built and tested is what runs: our own images by digest, not by a tag.
    for (Container c :
        List.of(container(m), m.cronJobPod("notejam-backup").getSpec().getContainers().get(0))) {
      assertTrue(
          Pattern.matches(".+/notejam/" + env + "(/backup)?@sha256:[0-9a-f]{64}", c.getImage()),
          env + ": " + c.getName() + " by digest: " + c.getImage());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "test", "prod"})
  void noSecretValuesLiveInGit(String env) {
    Manifests m = rendered(env);
    for (Secret s : m.all(Secret.class)) {
      assertTrue(
          (s.getData() == null || s.getData().isEmpty())
              && (s.getStringData() == null || s.getStringData().isEmpty()),
          env + ": Secret " + s.getMetadata().getName() + " carries values");
    }
    Pattern secretish =
        Pattern.compile("(?i).*(password|passwd|secret|token|credential|api_?key).*");
    for (EnvVar e : container(m).getEnv()) {
      if (secretish.matcher(e.getName()).matches()) {
        assertNull(e.getValue(), env + ": " + e.getName() + " must come from a Secret");
        assertNotNull(e.getValueFrom().getSecretKeyRef(), env + ": " + e.getName());
      }
    }
    for (ConfigMap cm : m.all(ConfigMap.class)) {
      cm.getData()
          .keySet()
          .forEach(k -> assertFalse(secretish.matcher(k).matches(), env + ": " + k));
    }
    Map<String, EnvVar> env0 =
        container(m).getEnv().stream().collect(Collectors.toMap(EnvVar::getName, e -> e));
    assertSecretRef(env0.get("DB_USER"), DB_CLUSTER + "-app", "username");
    assertSecretRef(env0.get("DB_PASSWORD"), DB_CLUSTER + "-app", "password");
    assertSecretRef(env0.get("SMTP_USER"), "notejam-smtp", "username");
    assertSecretRef(env0.get("SMTP_PASSWORD"), "notejam-smtp", "password");
  }

  private static void assertSecretRef(EnvVar e, String secret, String key) {
    assertNotNull(e);
    assertEquals(secret, e.getValueFrom().getSecretKeyRef().getName(), e.getName());
    assertEquals(key, e.getValueFrom().getSecretKeyRef().getKey(), e.getName());
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "test", "prod"})
  void containersRunAsNonRootWithLimitsOnAReadOnlyRoot(String env) {
    Manifests m = rendered(env);
    for (Deployment d : m.all(Deployment.class)) {
      PodSpec pod = d.getSpec().getTemplate().getSpec();
      assertEquals(Boolean.FALSE, pod.getAutomountServiceAccountToken(), env);
      for (Container c : pod.getContainers()) {
        var sc = c.getSecurityContext();
        Boolean nonRoot =
            sc.getRunAsNonRoot() != null
                ? sc.getRunAsNonRoot()
                : pod.getSecurityContext().getRunAsNonRoot();
        Long user =
            sc.getRunAsUser() != null ? sc.getRunAsUser() : pod.getSecurityContext().getRunAsUser();
        assertAll(
            env + " " + c.getName(),
            () -> assertEquals(Boolean.TRUE, nonRoot),
            () -> assertEquals(1001L, user),
            () -> assertEquals(Boolean.FALSE, sc.getAllowPrivilegeEscalation()),
            () -> assertEquals(Boolean.TRUE, sc.getReadOnlyRootFilesystem()),
            () -> assertEquals(List.of("ALL"), sc.getCapabilities().getDrop()),
            () -> assertNotNull(c.getResources().getLimits().get("cpu")),
            () -> assertNotNull(c.getResources().getLimits().get("memory")),
            () -> assertNotNull(c.getResources().getRequests().get("cpu")),
            () ->
                assertEquals(
                    c.getResources().getRequests().get("memory"),
                    c.getResources().getLimits().get("memory"),
                    "memory request = limit: the heap is sized from the limit"));
        // Writable only where Liberty writes, and only on pod-local scratch space.
        Map<String, Volume> volumes =
            pod.getVolumes().stream().collect(Collectors.toMap(Volume::getName, v -> v));
        Set<String> writable =
            c.getVolumeMounts().stream()
                .filter(vm -> !Boolean.TRUE.equals(vm.getReadOnly()))
                .peek(
                    vm -> assertNotNull(volumes.get(vm.getName()).getEmptyDir(), vm.getMountPath()))
                .map(VolumeMount::getMountPath)
                .collect(Collectors.toSet());
        assertEquals(
            // /config/resources/security: Liberty's default keystore, made at start-up. The LTPA
            // keys are the Secret's, read-only elsewhere (components/secrets).
            Set.of("/opt/ol/wlp/output", "/tmp", "/logs", "/config/resources/security"),
            writable,
            env);
        // The JVM's settings are the image's (its jvm.options), not overridden here, and its heap
        // leaves room in the limit for the rest of the process.
        assertTrue(
            c.getEnv().stream()
                .noneMatch(e -> Set.of("JAVA_TOOL_OPTIONS", "JVM_ARGS").contains(e.getName())),
            env + ": JVM options come from the image");
        long limitMiB =
            Quantity.getAmountInBytes(c.getResources().getLimits().get("memory")).longValue()
                / (1024 * 1024);
        long heapMiB = limitMiB * JvmOptions.maxRamPercentage() / 100;
        assertTrue(
            limitMiB - heapMiB >= 192,
            env + ": " + limitMiB + " MiB limit, " + heapMiB + " MiB heap: too little besides");
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "test", "prod"})
  void serviceAndIngressReachTheDeploymentPods(String env) {
    Manifests m = rendered(env);
    Service service = m.one(Service.class, APP);
    assertTrue(
        podLabels(m).entrySet().containsAll(service.getSpec().getSelector().entrySet()),
        env + ": Service selector matches the pod template");
    assertEquals(2, service.getSpec().getPorts().size(), env + ": the pages and management");
    var servicePort = service.getSpec().getPorts().get(0);
    assertEquals(80, servicePort.getPort());
    assertEquals(9080, port(container(m), servicePort.getTargetPort()), env);
    var managementPort = service.getSpec().getPorts().get(1);
    assertEquals(9090, port(container(m), managementPort.getTargetPort()), env);
    Ingress ingress = m.one(Ingress.class, APP);
    assertEquals("alb", ingress.getSpec().getIngressClassName());
    // The catch-all; /metrics and /health before it answer 404 (PublicSurfaceTest).
    var backend =
        ingress.getSpec().getRules().get(0).getHttp().getPaths().stream()
            .filter(p -> p.getPath().equals("/"))
            .findFirst()
            .orElseThrow()
            .getBackend()
            .getService();
    assertEquals(APP, backend.getName());
    assertTrue(
        servicePort.getName().equals(backend.getPort().getName())
            || Integer.valueOf(80).equals(backend.getPort().getNumber()),
        env + ": Ingress backend port exists on the Service");
    String host = ingress.getSpec().getRules().get(0).getHost();
    assertEquals(List.of(host), ingress.getSpec().getTls().get(0).getHosts(), env);
    assertEquals("https://" + host, settings(m).get("NOTEJAM_BASE_URL"), env + ": links in mails");
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "test", "prod"})
  void loadBalancerDrainsAPodBeforeItStops(String env) {
    Manifests m = rendered(env);
    Ingress ingress = m.one(Ingress.class, APP);
    Map<String, String> annotations = ingress.getMetadata().getAnnotations();
    assertEquals("internet-facing", annotations.get("alb.ingress.kubernetes.io/scheme"));
    assertEquals("ip", annotations.get("alb.ingress.kubernetes.io/target-type"));
    assertEquals(
        container(m).getReadinessProbe().getHttpGet().getPath(),
        annotations.get("alb.ingress.kubernetes.io/healthcheck-path"),
        env + ": the ALB asks the same question as the readiness probe");
    Map<String, String> tg = targetGroupAttributes(ingress);
    // Any pod serves any request. Off by name: the controller leaves an attribute it is not given
    // as it was, so a target group that was sticky would stay sticky.
    assertEquals("false", tg.get("stickiness.enabled"), env + ": no pod holds a user's state");
    assertEquals(
        List.of("stickiness.enabled"),
        tg.keySet().stream().filter(k -> k.startsWith("stickiness.")).toList(),
        env + ": no stickiness settings beside switching it off");

    int deregistration = Integer.parseInt(tg.get("deregistration_delay.timeout_seconds"));
    PodSpec pod = app(m).getSpec().getTemplate().getSpec();
    int preStop = container(m).getLifecycle().getPreStop().getSleep().getSeconds().intValue();
    long grace = pod.getTerminationGracePeriodSeconds();
    assertTrue(preStop >= 5, env + ": preStop gives the ALB time to stop routing");
    assertTrue(
        deregistration >= LONGEST_REQUEST_SECONDS,
        env + ": the ALB waits for the longest request before dropping the target");
    assertTrue(
        grace > preStop + deregistration,
        env
            + ": grace "
            + grace
            + " s must outlast preStop "
            + preStop
            + " s + deregistration "
            + deregistration
            + " s");
    assertTrue(
        grace > preStop + LONGEST_REQUEST_SECONDS,
        env + ": in-flight requests finish after SIGTERM");
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "test", "prod"})
  void networkPoliciesSelectPodsThatExist(String env) {
    Manifests m = rendered(env);
    List<Map<String, String>> pods = podLabelSets(m);
    // The per-user recovery Job runs beside the overlay, from deploy/recovery/<env>/user.
    pods.add(RecoverUserJobTest.podLabels(env));
    List<NetworkPolicy> policies = m.all(NetworkPolicy.class);
    // default-deny and the allowances of app (in, out), database (in, out) and the two jobs
    assertEquals(7, policies.size(), env);
    for (NetworkPolicy np : policies) {
      String name = np.getMetadata().getName();
      assertTrue(
          pods.stream().anyMatch(l -> selects(np.getSpec().getPodSelector(), l)),
          env + ": " + name + " selects no pod");
      List<NetworkPolicyPeer> peers = new ArrayList<>();
      np.getSpec().getIngress().forEach(r -> peers.addAll(r.getFrom()));
      np.getSpec().getEgress().forEach(r -> peers.addAll(r.getTo()));
      for (NetworkPolicyPeer peer : peers) {
        if (peer.getPodSelector() != null && peer.getNamespaceSelector() == null) {
          assertTrue(
              pods.stream().anyMatch(l -> selects(peer.getPodSelector(), l)),
              env + ": " + name + " names pods that do not exist: " + peer.getPodSelector());
        }
      }
    }
    NetworkPolicy db = m.one(NetworkPolicy.class, "notejam-db-ingress");
    for (var rule : db.getSpec().getIngress()) {
      boolean postgres = rule.getPorts().stream().anyMatch(p -> p.getPort().getIntVal() == 5432);
      boolean fromPods = rule.getFrom().stream().allMatch(p -> p.getNamespaceSelector() == null);
      if (postgres && fromPods) {
        for (var peer : rule.getFrom()) {
          assertTrue(
              selects(peer.getPodSelector(), podLabels(m))
                  || selects(peer.getPodSelector(), backupPodLabels(m))
                  || selects(peer.getPodSelector(), RecoverUserJobTest.podLabels(env))
                  || selects(peer.getPodSelector(), Map.of("cnpg.io/cluster", DB_CLUSTER)),
              env
                  + ": only the app, the backup and recovery jobs and the other instances reach"
                  + " PostgreSQL");
        }
      }
    }
    NetworkPolicy appIn = m.one(NetworkPolicy.class, "notejam-app-ingress");
    for (var peer : appIn.getSpec().getIngress().get(0).getFrom()) {
      String cidr = peer.getIpBlock().getCidr();
      assertTrue(
          cidr.startsWith("10.") && cidr.endsWith("/24"),
          env + ": ALB from a public subnet of the VPC: " + cidr);
    }
    appIn
        .getSpec()
        .getIngress()
        .forEach(
            r ->
                r.getPorts()
                    .forEach(
                        p -> assertTrue(Set.of(9080, 9090).contains(p.getPort().getIntVal()))));
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "test", "prod"})
  void aLogicalBackupRunsOnTheEnvironmentsScheduleIntoItsOwnBucket(String env) {
    Manifests m = rendered(env);
    CronJob job = m.one(CronJob.class, "notejam-backup");
    assertEquals("Forbid", job.getSpec().getConcurrencyPolicy(), env + ": never two dumps at once");
    assertEquals(
        Map.of("dev", "30 3 * * 0", "test", "30 2 * * *", "prod", "15 */6 * * *").get(env),
        job.getSpec().getSchedule(),
        env);
    PodSpec pod = job.getSpec().getJobTemplate().getSpec().getTemplate().getSpec();
    // The account deploy/aws maps to the bucket with Pod Identity.
    assertEquals("notejam-backup", pod.getServiceAccountName());
    m.one(io.fabric8.kubernetes.api.model.ServiceAccount.class, pod.getServiceAccountName());
    assertEquals(false, pod.getAutomountServiceAccountToken());
    Container backup = pod.getContainers().get(0);
    assertTrue(
        backup
            .getImage()
            .matches(
                "\\d+\\.dkr\\.ecr\\.[a-z0-9-]+\\.amazonaws\\.com/notejam/"
                    + env
                    + "/backup@sha256:[0-9a-f]{64}"),
        env
            + ": the backup image from the registry, by the overlay's digest: "
            + backup.getImage());
    Map<String, EnvVar> vars =
        backup.getEnv().stream().collect(Collectors.toMap(EnvVar::getName, v -> v));
    assertTrue(
        vars.get("BACKUP_DESTINATION")
            .getValue()
            .matches("s3://notejam-" + env + "-[a-z0-9-]+-backups-\\d{12}/logical/"),
        env + ": its own bucket (Deployment.backupBucketName): " + vars.get("BACKUP_DESTINATION"));
    assertEquals(DB_CLUSTER + "-rw", vars.get("PGHOST").getValue());
    assertEquals(
        DB_CLUSTER + "-app", vars.get("PGPASSWORD").getValueFrom().getSecretKeyRef().getName());
    assertEquals(true, backup.getSecurityContext().getReadOnlyRootFilesystem());
    assertEquals(false, backup.getSecurityContext().getAllowPrivilegeEscalation());
    assertTrue(
        backup.getVolumeMounts().stream().anyMatch(v -> v.getMountPath().equals("/tmp")),
        "room for the dump before the upload");
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "test", "prod"})
  void appUsesTheClusterReadWriteServiceAndItsSnapshots(String env) {
    Manifests m = rendered(env);
    ObjectNode cluster = m.custom("Cluster", DB_CLUSTER);
    Map<String, String> s = settings(m);
    assertEquals("postgresql", s.get("DB_KIND"));
    assertEquals(DB_CLUSTER + "-rw", s.get("DB_HOST"), env + ": always the primary");
    assertEquals("5432", s.get("DB_PORT"));
    assertEquals(cluster.at("/spec/bootstrap/initdb/database").asText(), s.get("DB_NAME"));
    assertEquals("587", s.get("SMTP_PORT"));

    Manifests clusterScoped = Manifests.of("base/cluster-scoped");
    // The class that deletes the EBS snapshot with its VolumeSnapshot (SnapshotPruneTest), tagged
    // with the namespace as the volumes are.
    assertTrue(
        clusterScoped
            .custom(
                "VolumeSnapshotClass", cluster.at("/spec/backup/volumeSnapshot/className").asText())
            .at("/parameters/tagSpecification_1")
            .asText()
            .startsWith("notejam/backup=volume-snapshot-"),
        env + ": snapshots use a tagged class");
    assertEquals(
        clusterScoped
            .all(io.fabric8.kubernetes.api.model.storage.StorageClass.class)
            .get(0)
            .getMetadata()
            .getName(),
        cluster.at("/spec/storage/storageClass").asText(),
        env + ": data on the encrypted gp3 class");
    List<ObjectNode> schedules = m.customs("ScheduledBackup");
    assertEquals(
        List.of("plugin", "volumeSnapshot"),
        schedules.stream().map(b -> b.at("/spec/method").asText()).sorted().toList(),
        env + ": base backups for PITR (PointInTimeRecoveryTest) and volume snapshots");
    for (ObjectNode schedule : schedules) {
      assertEquals(DB_CLUSTER, schedule.at("/spec/cluster/name").asText());
      assertEquals(
          6, schedule.at("/spec/schedule").asText().split(" ").length, "CNPG cron has seconds");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "test", "prod"})
  void databaseConnectionsSufficeAtFullScaleDuringARollout(String env) {
    Manifests m = rendered(env);
    int maxPods = Scaler.of(m).max();
    IntOrString surge = app(m).getSpec().getStrategy().getRollingUpdate().getMaxSurge();
    int surgePods =
        surge.getIntVal() != null
            ? surge.getIntVal()
            : (int)
                Math.ceil(maxPods * Integer.parseInt(surge.getStrVal().replace("%", "")) / 100.0);
    // Each pod has one pool; sign-ins and kept notices use it too.
    int pool = Integer.parseInt(settings(m).get("DB_POOL_MAX"));
    int maxConnections =
        Integer.parseInt(
            m.custom("Cluster", DB_CLUSTER)
                .at("/spec/postgresql/parameters/max_connections")
                .asText());
    int needed = (maxPods + surgePods) * pool;
    // Headroom for the operator, the backup jobs and a psql session in an incident.
    assertTrue(
        needed + 20 <= maxConnections,
        env + ": " + needed + " pooled connections + 20 > max_connections " + maxConnections);
  }
}
