package net.notejam.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A kustomization of deploy/ as {@code kubectl kustomize} renders it: what the agreement tests
 * compare with the synthesized stacks, so that the two halves of the deployment cannot drift apart
 * unnoticed.
 */
final class RenderedOverlay {
  /** deploy/, from this module's directory (deploy/aws), where surefire runs. */
  static final Path DEPLOY = Path.of("..").toAbsolutePath().normalize();

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Map<String, RenderedOverlay> CACHE = new ConcurrentHashMap<>();

  final String dir;
  final List<JsonNode> objects;

  private RenderedOverlay(String dir, List<JsonNode> objects) {
    this.dir = dir;
    this.objects = List.copyOf(objects);
  }

  /** deploy/overlays/&lt;profile&gt;. */
  static RenderedOverlay of(EnvironmentProfile profile) {
    return of("overlays/" + profile.id());
  }

  /** deploy/&lt;dir&gt;, rendered once per JVM. */
  static RenderedOverlay of(String dir) {
    return CACHE.computeIfAbsent(dir, RenderedOverlay::render);
  }

  /** Every object of {@code kind}. */
  List<JsonNode> all(String kind) {
    return objects.stream().filter(o -> o.path("kind").asText().equals(kind)).toList();
  }

  /** The object of {@code kind} named {@code name}; fails when there is none. */
  JsonNode one(String kind, String name) {
    return all(kind).stream()
        .filter(o -> o.path("metadata").path("name").asText().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("deploy/" + dir + ": no " + kind + " " + name));
  }

  private static RenderedOverlay render(String dir) {
    String kubectl = kubectl();
    try {
      Process process =
          new ProcessBuilder(kubectl, "kustomize", DEPLOY.resolve(dir).toString())
              .redirectErrorStream(true)
              .start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(process.waitFor(60, TimeUnit.SECONDS), "kubectl kustomize timed out");
      assertEquals(0, process.exitValue(), "kubectl kustomize deploy/" + dir + ":\n" + output);
      List<JsonNode> objects = new ArrayList<>();
      for (JsonNode doc : YAML.readerFor(JsonNode.class).<JsonNode>readValues(output).readAll()) {
        if (doc.isObject()) {
          objects.add(doc);
        }
      }
      return new RenderedOverlay(dir, objects);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** kubectl from PATH; without it the test skips, except in CI (CI=true), where it fails. */
  private static String kubectl() {
    Optional<String> found =
        Optional.ofNullable(System.getenv("PATH")).stream()
            .flatMap(path -> List.of(path.split(File.pathSeparator)).stream())
            .map(p -> Path.of(p, "kubectl"))
            .filter(Files::isExecutable)
            .map(Path::toString)
            .findFirst();
    if (found.isEmpty()) {
      String reason = "kubectl is not on the PATH: skipping the agreement with deploy/";
      if ("true".equals(System.getenv("CI"))) {
        fail(reason + ". CI=true: nothing may skip in CI");
      }
      Assumptions.abort(reason);
    }
    return found.get();
  }
}
