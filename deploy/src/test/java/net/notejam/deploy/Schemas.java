package net.notejam.deploy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Rendered objects checked against the published schemas of their kinds, as the API server checks
 * them on apply. There is no cluster to dry-run against, and a wrong enum would be refused only on
 * the day of the deployment, while a misspelt field of a custom resource would not be refused at
 * all: its structural schema prunes it, and the setting silently never applies.
 *
 * <p>Two checkers together, since neither sees everything:
 *
 * <ul>
 *   <li>src/test/js/schemas.mjs, on Node: core kinds against the Kubernetes OpenAPI schema (npm
 *       kubernetes-models), monitoring.coreos.com kinds against the prometheus-operator's
 *       (@kubernetes-models/prometheus-operator), and the kinds of {@link #CRD_RELEASES} against
 *       their CRDs' openAPIV3Schema: types, enums and required fields; for CRDs unknown fields too.
 *   <li>fabric8, through {@link StrictFields}: unknown fields of every kind fabric8 models and of
 *       every object's metadata, which the model packages do not check. The monitoring kinds have
 *       neither a fabric8 model nor a strict schema here: custom-resource-fields.yaml lists their
 *       fields.
 * </ul>
 *
 * An object of a kind that no schema covers is a problem itself: a new kind brings its schema.
 *
 * <p>Not checked: the CEL rules of the CRDs (x-kubernetes-validations), and whether a core field is
 * older than the clusters' Kubernetes: kubernetes-models 5.1.0 has the schema of Kubernetes 1.34 or
 * later (resource.k8s.io/v1), and EKS runs 1.35 (deploy/aws ClusterStack).
 */
final class Schemas {

  /**
   * The CRDs of the releases the clusters run. deploy/aws installs the CloudNativePG chart that
   * ships this operator ({@code ClusterStack.CLOUDNATIVE_PG_CHART_VERSION}); a new release is a new
   * folder in ../shared/k8s-crds, and both move in one change.
   */
  static final List<String> CRD_RELEASES =
      List.of("cloudnative-pg-1.30.0", "plugin-barman-cloud-0.14.0", "external-snapshotter-8.6.0");

  /**
   * shared/ sits beside the repository, here and in CI; -Dnotejam.k8s.crds=DIR points elsewhere.
   */
  static final Path CRDS =
      Path.of(
              System.getProperty(
                  "notejam.k8s.crds", Manifests.REPO.resolve("../shared/k8s-crds").toString()))
          .toAbsolutePath()
          .normalize();

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNode LISTED_FIELDS = listedFields();
  private static Validator validator;

  /** What schemas.mjs says of one object. */
  record Verdict(String schema, boolean rejectsUnknownFields, List<String> problems) {}

  /** The running schemas.mjs: a line of objects in, a line of verdicts out. */
  private record Validator(BufferedWriter in, BufferedReader out) {}

  private Schemas() {}

  /** Every problem of these objects, as "Kind/name .path: what is wrong" or "Kind/name: what". */
  static List<String> problems(List<ObjectNode> objects) {
    List<Verdict> verdicts = verdicts(objects);
    List<HasMetadata> parsed = Manifests.parsed(objects);
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < objects.size(); i++) {
      HasMetadata object = parsed.get(i);
      List<String> found = new ArrayList<>(verdicts.get(i).problems());
      if (verdicts.get(i).schema() == null) {
        found.add(
            ": no schema for "
                + object.getApiVersion()
                + " "
                + object.getKind()
                + " (its CRD in ../shared/k8s-crds and CRD_RELEASES, or a model package in"
                + " deploy/package.json)");
      } else {
        found.addAll(unknownFields(objects.get(i), object, verdicts.get(i)));
      }
      String name = object.getKind() + "/" + object.getMetadata().getName();
      found.forEach(p -> problems.add(name + (p.startsWith(".") ? " " : "") + p));
    }
    return problems;
  }

  private static List<String> unknownFields(ObjectNode raw, HasMetadata object, Verdict verdict) {
    if (!Manifests.isCustom(object)) {
      return StrictFields.unknownFields(object);
    }
    List<String> found = new ArrayList<>();
    StrictFields.unknownFields(object.getMetadata()).forEach(p -> found.add(".metadata" + p));
    if (!verdict.rejectsUnknownFields()) {
      JsonNode listed = LISTED_FIELDS.get(object.getKind());
      if (listed == null) {
        found.add(": nothing checks its fields for misspellings (custom-resource-fields.yaml)");
      } else {
        found.addAll(StrictFields.unknownFields(raw, listed, ""));
      }
    }
    return found;
  }

  private static synchronized List<Verdict> verdicts(List<ObjectNode> objects) {
    try {
      if (validator == null) {
        validator = startValidator();
      }
      validator.in().write(JSON.writeValueAsString(Map.of("objects", objects)));
      validator.in().newLine();
      validator.in().flush();
      String verdicts = validator.out().readLine();
      assertNotNull(verdicts, "schemas.mjs stopped: its error is in the test output");
      return JSON.readValue(verdicts, new TypeReference<List<Verdict>>() {});
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** schemas.mjs, fed the CRDs; it ends when the test JVM closes its input. */
  private static Validator startValidator() throws IOException {
    String node = Manifests.onPathOrSkip("node", "the schema checks", "install Node.js >= 20");
    if (!Files.isDirectory(Manifests.DEPLOY.resolve("node_modules/kubernetes-models"))) {
      Manifests.skipOrFailInCi(
          "deploy/node_modules is missing: the deploy module's build runs `npm ci` when npm is on"
              + " the PATH");
    }
    ArrayNode crds = crds();
    Process process =
        new ProcessBuilder(node, Manifests.DEPLOY.resolve("src/test/js/schemas.mjs").toString())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
    Validator started =
        new Validator(
            new BufferedWriter(
                new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8)),
            new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)));
    started.in().write(JSON.writeValueAsString(Map.of("crds", crds)));
    started.in().newLine();
    return started;
  }

  /** The CRDs of {@link #CRD_RELEASES}. */
  private static ArrayNode crds() {
    if (!Files.isDirectory(CRDS)) {
      Manifests.skipOrFailInCi(
          "no CRDs at "
              + CRDS
              + ": skipping the schema checks (copy shared/ beside the repository,"
              + " or set -Dnotejam.k8s.crds=DIR)");
    }
    ArrayNode all = JSON.createArrayNode();
    for (String release : CRD_RELEASES) {
      Path dir = CRDS.resolve(release);
      assertTrue(Files.isDirectory(dir), "CRDs of the release we deploy: " + dir);
      try (Stream<Path> files = Files.list(dir)) {
        List<Path> yaml =
            files.filter(f -> f.toString().endsWith(".yaml")).sorted().collect(Collectors.toList());
        assertFalse(yaml.isEmpty(), "no CRDs in " + dir);
        for (Path file : yaml) {
          all.add(Manifests.YAML.readTree(file.toFile()));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return all;
  }

  private static JsonNode listedFields() {
    try (InputStream in = Schemas.class.getResourceAsStream("/custom-resource-fields.yaml")) {
      return Manifests.YAML.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
