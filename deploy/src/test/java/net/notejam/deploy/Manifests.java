package net.notejam.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;

/**
 * A rendered kustomization: the raw YAML documents and the same objects parsed by fabric8. There is
 * no cluster to dry-run against, so strict parsing is what catches misspelt fields. Public for the
 * CDK app's agreement tests (deploy/aws), which compare the synthesized stacks with the same
 * rendering.
 */
public final class Manifests {

  public static final Path REPO =
      Path.of(System.getProperty("notejam.repo.root", "..")).toAbsolutePath().normalize();
  public static final Path DEPLOY = REPO.resolve("deploy");
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  static final KubernetesSerialization K8S = new KubernetesSerialization();

  private static final Map<String, Manifests> CACHE = new ConcurrentHashMap<>();

  public final String dir;
  public final List<ObjectNode> raw;
  final List<HasMetadata> objects;

  private Manifests(String dir, List<ObjectNode> raw, List<HasMetadata> objects) {
    this.dir = dir;
    this.raw = raw;
    this.objects = objects;
  }

  /** Renders deploy/&lt;dir&gt; once per test run (kubectl takes ~0.1 s). */
  public static Manifests of(String dir) {
    return CACHE.computeIfAbsent(dir, Manifests::render);
  }

  private static Manifests render(String dir) {
    String kubectl = onPathOrSkip("kubectl", "the Kustomize checks", "install kubectl >= 1.32");
    try {
      Process process =
          new ProcessBuilder(kubectl, "kustomize", DEPLOY.resolve(dir).toString())
              .redirectErrorStream(true)
              .start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(process.waitFor(60, TimeUnit.SECONDS), "kubectl kustomize timed out");
      assertEquals(0, process.exitValue(), "kubectl kustomize deploy/" + dir + ":\n" + output);
      List<ObjectNode> raw = new ArrayList<>();
      for (JsonNode doc : YAML.readerFor(JsonNode.class).<JsonNode>readValues(output).readAll()) {
        if (doc instanceof ObjectNode object) {
          raw.add(object);
        }
      }
      return new Manifests(dir, raw, parsed(raw));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The objects as fabric8 models; kinds fabric8 does not know as GenericKubernetesResource. */
  static List<HasMetadata> parsed(List<ObjectNode> raw) {
    List<HasMetadata> objects = new ArrayList<>();
    for (ObjectNode node : raw) {
      objects.add(K8S.convertValue(node, HasMetadata.class));
    }
    return objects;
  }

  /**
   * A command from PATH. Absent on a developer machine: skip with a reason. Absent in CI (CI=true):
   * fail, so a pipeline never goes green without having checked anything.
   */
  static String onPathOrSkip(String command, String checks, String remedy) {
    Optional<String> found =
        Optional.ofNullable(System.getenv("PATH")).stream()
            .flatMap(path -> List.of(path.split(File.pathSeparator)).stream())
            .map(p -> Path.of(p, command))
            .filter(Files::isExecutable)
            .map(Path::toString)
            .findFirst();
    if (found.isEmpty()) {
      skipOrFailInCi(command + " is not on the PATH: skipping " + checks + " (" + remedy + ")");
    }
    return found.get();
  }

  /** Skips the calling test with the reason; in CI (CI=true) fails it instead. */
  static void skipOrFailInCi(String reason) {
    if ("true".equals(System.getenv("CI"))) {
      fail(reason + ". CI=true: nothing may skip in CI");
    }
    Assumptions.abort(reason + ". In CI, where CI=true, this fails instead");
  }

  <T extends HasMetadata> List<T> all(Class<T> type) {
    return objects.stream().filter(type::isInstance).map(type::cast).collect(Collectors.toList());
  }

  <T extends HasMetadata> T one(Class<T> type, String name) {
    return all(type).stream()
        .filter(o -> o.getMetadata().getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError(dir + ": no " + type.getSimpleName() + " " + name));
  }

  /** The pod template of the CronJob {@code name}: what each of its runs starts. */
  io.fabric8.kubernetes.api.model.PodTemplateSpec cronJobPod(String name) {
    return one(io.fabric8.kubernetes.api.model.batch.v1.CronJob.class, name)
        .getSpec()
        .getJobTemplate()
        .getSpec()
        .getTemplate();
  }

  /** The object of {@code kind} named {@code name} as its YAML tree: the view of custom kinds. */
  public ObjectNode custom(String kind, String name) {
    return customs(kind).stream()
        .filter(n -> n.path("metadata").path("name").asText().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError(dir + ": no " + kind + " " + name));
  }

  /** Every object of {@code kind}, as YAML trees. */
  public List<ObjectNode> customs(String kind) {
    return raw.stream()
        .filter(n -> n.path("kind").asText().equals(kind))
        .collect(Collectors.toList());
  }

  static boolean isCustom(HasMetadata object) {
    return object instanceof GenericKubernetesResource;
  }
}
