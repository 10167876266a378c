package net.notejam.deploy;

import static net.notejam.deploy.OverlayTest.APP;
import static net.notejam.deploy.OverlayTest.DB_CLUSTER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rendered object is valid by the schema of its kind ({@link Schemas}), and the checks do
 * catch what they are there for: each test below breaks one rendered object the way a hand edit
 * would, and expects the problem named with its path.
 */
class SchemaTest {

  static final String CONTAINER = "/spec/template/spec/containers/0";

  /**
   * Every kustomization that renders on its own: the overlays, the base, its cluster-scoped
   * objects, monitoring and the recovery ones (recovery/&lt;env&gt;/user the deepest). The
   * components hold patches, rendered within the overlays.
   */
  static List<String> renderedDirs() throws IOException {
    Path deploy = Manifests.DEPLOY;
    try (Stream<Path> files = Files.find(deploy, 4, (p, a) -> p.endsWith("kustomization.yaml"))) {
      return files
          .map(p -> deploy.relativize(p.getParent()).toString())
          .filter(d -> !d.startsWith("components") && !d.startsWith("node_modules"))
          .sorted()
          .collect(Collectors.toList());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("renderedDirs")
  void everyRenderedObjectMatchesTheSchemaOfItsKind(String dir) {
    Manifests m = Manifests.of(dir);
    assertEquals(
        List.of(), Schemas.problems(m.raw), dir + ": what the API server would refuse or drop");
  }

  @Test
  void everyOverlayAndTheClusterWideObjectsAreAmongTheCheckedDirectories() throws IOException {
    List<String> dirs = renderedDirs();
    List.of(
            "overlays/dev",
            "overlays/test",
            "overlays/prod",
            "base",
            "base/cluster-scoped",
            "recovery/prod",
            "recovery/prod/user")
        .forEach(dir -> assertTrue(dirs.contains(dir), dir + " is not among " + dirs));
  }

  @Test
  void aWrongEnumInTheDatabaseClusterIsCaught() {
    assertCaught(
        broken(
            "Cluster", DB_CLUSTER, "/spec", spec -> spec.put("primaryUpdateStrategy", "sometimes")),
        "Cluster/notejam-db .spec.primaryUpdateStrategy: \"sometimes\" is not one of",
        "unsupervised");
  }

  @Test
  void aMisspeltDatabaseClusterFieldIsCaughtWhereTheServerWouldDropIt() {
    assertCaught(
        broken(
            "Cluster",
            DB_CLUSTER,
            "/spec/storage",
            storage -> storage.set("storageClas", storage.remove("storageClass"))),
        "Cluster/notejam-db .spec.storage.storageClas: unknown field");
    // Metadata is the API server's own: checked like a core object's.
    assertCaught(
        broken("Cluster", DB_CLUSTER, "/metadata", meta -> meta.put("label", "x")),
        "Cluster/notejam-db .metadata.label: unknown field");
  }

  @Test
  void aMisspeltDeploymentFieldIsCaught() {
    assertCaught(
        broken("Deployment", APP, CONTAINER, c -> c.put("imagePullPolcy", "Never")),
        "Deployment/notejam .spec.template.spec.containers[0].imagePullPolcy: unknown field");
  }

  @Test
  void aWrongEnumInACoreObjectIsCaught() {
    assertCaught(
        broken("Deployment", APP, CONTAINER, c -> c.put("imagePullPolicy", "Sometimes")),
        "Deployment/notejam .spec.template.spec.containers[0].imagePullPolicy:",
        "\"Sometimes\" is not one of",
        "IfNotPresent");
  }

  @Test
  void aMissingRequiredFieldIsCaught() {
    assertCaught(
        broken("Deployment", APP, CONTAINER, c -> c.remove("name")),
        "Deployment/notejam .spec.template.spec.containers[0].name: required field is missing");
    assertCaught(
        broken("ScheduledBackup", "notejam-db-daily", "/spec", s -> s.remove("schedule")),
        "ScheduledBackup/notejam-db-daily .spec.schedule: required field is missing");
  }

  @Test
  void monitoringObjectsAreCheckedForTypesEnumsAndUnknownFields() {
    ObjectNode monitor =
        broken(
            "ServiceMonitor",
            APP,
            "/spec/endpoints/0",
            endpoint -> {
              endpoint.put("scheme", "htp");
              endpoint.put("interval", 15);
              endpoint.set("timeout", endpoint.remove("scrapeTimeout"));
            });
    List<String> problems = Schemas.problems(List.of(monitor));
    assertNamed(
        problems, "ServiceMonitor/notejam .spec.endpoints[0].scheme: \"htp\" is not one of");
    assertNamed(
        problems, "ServiceMonitor/notejam .spec.endpoints[0].interval: 15 is not of type string");
    assertNamed(problems, "ServiceMonitor/notejam .spec.endpoints[0].timeout: unknown field");
  }

  @Test
  void aKindWithoutASchemaIsRefused() {
    assertCaught(
        yaml("apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: gadget\nspec: {}\n"),
        "Widget/gadget: no schema for example.com/v1 Widget");
    // A wrong apiVersion is a kind without a schema too.
    assertCaught(
        broken("Cluster", DB_CLUSTER, "", c -> c.put("apiVersion", "postgresql.cnpg.io/v2")),
        "Cluster/notejam-db: no schema for postgresql.cnpg.io/v2 Cluster");
  }

  /**
   * Schemas go by kind, never by name: a new CronJob or ServiceAccount is checked like the rest.
   */
  @Test
  void aCronJobAndItsServiceAccountAreCheckedByTheirKind() {
    ObjectNode cronJob =
        yaml(
            """
            apiVersion: batch/v1
            kind: CronJob
            metadata:
              name: nightly-job
            spec:
              schedule: "0 2 * * *"
              concurrencyPolicy: Forbid
              jobTemplate:
                spec:
                  template:
                    spec:
                      serviceAccountName: nightly-job
                      restartPolicy: OnFailure
                      containers:
                        - name: job
                          image: ghcr.io/cloudnative-pg/postgresql:17.5
            """);
    ObjectNode account =
        yaml("apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: nightly-job\n");
    assertEquals(List.of(), Schemas.problems(List.of(cronJob, account)));

    field(cronJob, "/spec").put("concurrencyPolicy", "Sometimes");
    field(cronJob, "/spec/jobTemplate" + CONTAINER).put("imagePullPolcy", "Always");
    account.put("automountServiceAccountTokn", false);
    List<String> problems = Schemas.problems(List.of(cronJob, account));
    assertNamed(
        problems, "CronJob/nightly-job .spec.concurrencyPolicy: \"Sometimes\" is not one of");
    assertNamed(
        problems,
        "CronJob/nightly-job .spec.jobTemplate.spec.template.spec.containers[0].imagePullPolcy:",
        "unknown field");
    assertNamed(problems, "ServiceAccount/nightly-job .automountServiceAccountTokn: unknown field");
  }

  /**
   * The CRDs validated against are those of the operator the clusters run: deploy/aws pins the
   * chart and says which operator it ships, and both move with {@link Schemas#CRD_RELEASES}.
   */
  @Test
  void theCrdsAreThoseOfTheOperatorTheClustersRun() throws IOException {
    String stack =
        Files.readString(
            Manifests.DEPLOY.resolve("aws/src/main/java/net/notejam/aws/ClusterStack.java"));
    Matcher pin =
        Pattern.compile("CLOUDNATIVE_PG_CHART_VERSION = \"[^\"]+\"; // operator (\\S+)")
            .matcher(stack);
    assertTrue(pin.find(), "ClusterStack says which operator its CloudNativePG chart ships");
    assertTrue(
        Schemas.CRD_RELEASES.contains("cloudnative-pg-" + pin.group(1)),
        "operator " + pin.group(1) + " but CRDs of " + Schemas.CRD_RELEASES);
  }

  /** A copy of a rendered object of the dev overlay, with the field at pointer edited. */
  private static ObjectNode broken(
      String kind, String name, String pointer, Consumer<ObjectNode> edit) {
    ObjectNode copy = Manifests.of("overlays/dev").custom(kind, name).deepCopy();
    edit.accept(field(copy, pointer));
    return copy;
  }

  private static ObjectNode field(ObjectNode object, String pointer) {
    return (ObjectNode) object.at(pointer);
  }

  private static ObjectNode yaml(String text) {
    try {
      return (ObjectNode) Manifests.YAML.readTree(text);
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static void assertCaught(ObjectNode broken, String... expected) {
    assertNamed(Schemas.problems(List.of(broken)), expected);
  }

  /** One of the problems contains every expected fragment. */
  private static void assertNamed(List<String> problems, String... expected) {
    assertTrue(
        problems.stream().anyMatch(p -> Stream.of(expected).allMatch(p::contains)),
        "expected a problem naming " + List.of(expected) + ", got " + problems);
  }
}
