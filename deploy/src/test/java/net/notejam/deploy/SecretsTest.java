package net.notejam.deploy;

import static net.notejam.deploy.OverlayTest.APP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The app's Secrets on EKS come from AWS Secrets Manager through the External Secrets Operator
 * (components/secrets, platform/external-secrets); locally, play.sh makes them.
 */
class SecretsTest {

  static final String STORE = "aws-secrets-manager";
  static final String LTPA_SECRET = "notejam-ltpa";

  @ParameterizedTest
  @ValueSource(strings = {"dev", "test", "prod"})
  void externalSecretsReadTheClusterStoreOfTheirCluster(String env) {
    Manifests platform = Manifests.of("platform/" + env);
    ObjectNode store = platform.custom("ClusterSecretStore", STORE);
    assertEquals("SecretsManager", store.at("/spec/provider/aws/service").asText());
    assertTrue(store.at("/spec/provider/aws/auth").isMissingNode(), "Pod Identity: no auth block");

    List<ObjectNode> externalSecrets = Manifests.of("overlays/" + env).customs("ExternalSecret");
    assertTrue(externalSecrets.size() >= 2, env + ": " + externalSecrets.size());
    for (ObjectNode es : externalSecrets) {
      String name = es.at("/metadata/name").asText();
      assertEquals("ClusterSecretStore", es.at("/spec/secretStoreRef/kind").asText(), name);
      assertEquals(STORE, es.at("/spec/secretStoreRef/name").asText(), name);
      assertEquals("Owner", es.at("/spec/target/creationPolicy").asText(), name);
      assertTrue(es.at("/spec/refreshInterval").isTextual(), name + ": refreshes");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "test", "prod"})
  void everyKeyIsASecretOfTheOverlaysEnvironment(String env) {
    Manifests m = Manifests.of("overlays/" + env);
    for (ObjectNode es : m.customs("ExternalSecret")) {
      for (JsonNode data : es.at("/spec/data")) {
        assertTrue(
            data.at("/remoteRef/key").asText().startsWith("notejam/" + env + "/"),
            es.at("/metadata/name").asText() + ": " + data);
      }
    }
    assertEquals(
        Set.of("notejam/" + env + "/smtp"), keys(m.custom("ExternalSecret", "notejam-smtp")));
    assertEquals(Set.of("notejam/" + env + "/ltpa"), keys(m.custom("ExternalSecret", LTPA_SECRET)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "test", "prod"})
  void everySecretTheAppReadsIsMadeByTheOperatorOrByCloudNativePg(String env) {
    Manifests m = Manifests.of("overlays/" + env);
    Set<String> made =
        m.customs("ExternalSecret").stream()
            .map(es -> es.at("/spec/target/name").asText())
            .collect(Collectors.toCollection(TreeSet::new));
    // CloudNativePG makes <cluster>-app for the bootstrap owner.
    m.customs("Cluster").forEach(c -> made.add(c.at("/metadata/name").asText() + "-app"));

    assertTrue(made.containsAll(secretsRead(pod(m))), env + ": " + secretsRead(pod(m)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "test", "prod"})
  void podsShareTheLtpaKeysOfTheSecretWhereServerXmlReadsThem(String env) {
    PodSpec pod = pod(Manifests.of("overlays/" + env));
    Container app = pod.getContainers().get(0);
    EnvVar keysFile = env(app, environmentName("ltpa.keys.file"));
    assertNotNull(keysFile, env + ": server.xml is told where the shared keys are");
    String path = keysFile.getValue();
    VolumeMount mount = mountAt(app, path.substring(0, path.lastIndexOf('/')));
    Volume volume = volume(pod, mount.getName());

    assertEquals(LTPA_SECRET, volume.getSecret().getSecretName(), env + ": no keys of a pod's own");
    assertEquals(path, mount.getMountPath() + "/" + volume.getSecret().getItems().get(0).getPath());
    assertEquals("ltpa.keys", volume.getSecret().getItems().get(0).getKey());
    assertEquals(Boolean.TRUE, mount.getReadOnly());

    EnvVar password = env(app, environmentName("ltpa.keys.password"));
    assertNotNull(password, env + ": the keys' password reaches server.xml");
    assertEquals(LTPA_SECRET, password.getValueFrom().getSecretKeyRef().getName());
    assertEquals("password", password.getValueFrom().getSecretKeyRef().getKey());

    // Liberty still makes its default keystore next to where the keys used to be, at start-up.
    VolumeMount security = mountAt(app, defaultDirectory());
    assertNotNull(volume(pod, security.getName()).getEmptyDir(), env + ": Liberty writes there");
    assertNull(security.getReadOnly());
  }

  @Test
  void locallyThePodMakesItsOwnKeysAndReadsOnlySecretsPlayShCreates() throws IOException {
    PodSpec pod = pod(Manifests.of("local"));
    Container app = pod.getContainers().get(0);
    VolumeMount mount = mountAt(app, defaultDirectory());

    assertNotNull(volume(pod, mount.getName()).getEmptyDir(), "Liberty writes its keys there");
    assertNull(mount.getReadOnly());
    assertNull(env(app, environmentName("ltpa.keys.file")), "server.xml's default place");
    assertNull(env(app, environmentName("ltpa.keys.password")), "server.xml's local default");
    assertTrue(
        playShSecrets().containsAll(secretsRead(pod)),
        secretsRead(pod) + " not all among " + playShSecrets());
  }

  /** Liberty's name of a server.xml variable in the environment: db.host is DB_HOST. */
  static String environmentName(String variable) {
    return variable.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
  }

  /** Where server.xml reads the LTPA keys, its config directory being the image's /config. */
  static String ltpaKeysFile() {
    return ServerXml.variableDefaults()
        .get("ltpa.keys.file")
        .replace("${server.config.dir}", "/config");
  }

  static PodSpec pod(Manifests m) {
    return m.one(Deployment.class, APP).getSpec().getTemplate().getSpec();
  }

  /** The directory of server.xml's default keys file, Liberty's resources/security. */
  private static String defaultDirectory() {
    return ltpaKeysFile().substring(0, ltpaKeysFile().lastIndexOf('/'));
  }

  private static VolumeMount mountAt(Container app, String dir) {
    return app.getVolumeMounts().stream()
        .filter(vm -> vm.getMountPath().equals(dir))
        .findFirst()
        .orElseThrow(() -> new AssertionError("nothing mounted at " + dir));
  }

  private static Volume volume(PodSpec pod, String name) {
    return pod.getVolumes().stream()
        .filter(v -> v.getName().equals(name))
        .findFirst()
        .orElseThrow();
  }

  private static EnvVar env(Container app, String name) {
    return app.getEnv().stream().filter(e -> e.getName().equals(name)).findFirst().orElse(null);
  }

  /** The Secrets the pod's containers and volumes name. */
  static Set<String> secretsRead(PodSpec pod) {
    Set<String> names = new TreeSet<>();
    for (Container c : pod.getContainers()) {
      for (EnvVar e : c.getEnv()) {
        if (e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null) {
          names.add(e.getValueFrom().getSecretKeyRef().getName());
        }
      }
    }
    for (Volume v : pod.getVolumes()) {
      if (v.getSecret() != null) {
        names.add(v.getSecret().getSecretName());
      }
    }
    return names;
  }

  private static Set<String> keys(ObjectNode externalSecret) {
    Set<String> keys = new TreeSet<>();
    externalSecret.at("/spec/data").forEach(d -> keys.add(d.at("/remoteRef/key").asText()));
    return keys;
  }

  /** The podman secrets play.sh's up creates (its {@code secret NAME key value ...} lines). */
  private static Set<String> playShSecrets() throws IOException {
    String script = Files.readString(Manifests.DEPLOY.resolve("local/play.sh"));
    Matcher m = Pattern.compile("(?m)^\\s+secret (\\S+) ").matcher(script);
    Set<String> names = new TreeSet<>();
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }
}
