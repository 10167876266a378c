package net.notejam.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.storage.StorageClass;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The Kustomize layout rules (../shared/STYLE.md) and the cluster-wide storage classes. */
class LayoutTest {

  static final Path DEPLOY = Manifests.DEPLOY;
  static final Set<String> DEPRECATED =
      Set.of("patchesStrategicMerge", "patchesJson6902", "bases", "commonLabels", "vars");

  static List<Path> yamlFiles() throws IOException {
    try (Stream<Path> files = Files.walk(DEPLOY)) {
      return files
          .filter(p -> p.toString().endsWith(".yaml"))
          .filter(
              p ->
                  Stream.of("base", "components", "overlays")
                      .anyMatch(d -> p.startsWith(DEPLOY.resolve(d))))
          .sorted()
          .collect(Collectors.toList());
    }
  }

  static List<JsonNode> documents(Path file) throws IOException {
    return Manifests.YAML
        .readerFor(JsonNode.class)
        .<JsonNode>readValues(file.toFile())
        .readAll()
        .stream()
        .filter(n -> n != null && !n.isNull())
        .collect(Collectors.toList());
  }

  @Test
  void kustomizationsUseOnlyCurrentFields() throws IOException {
    for (Path file : yamlFiles()) {
      if (!file.getFileName().toString().equals("kustomization.yaml")) {
        continue;
      }
      JsonNode k = documents(file).get(0);
      String where = DEPLOY.relativize(file).toString();
      DEPRECATED.forEach(f -> assertFalse(k.has(f), where + " uses " + f));
      assertFalse(
          k.has("namePrefix") || k.has("nameSuffix"), where + ": names stay as in the base");
      for (JsonNode labels : k.path("labels")) {
        assertFalse(
            labels.path("includeSelectors").asBoolean(true), where + ": selectors are immutable");
      }
      boolean component = file.startsWith(DEPLOY.resolve("components"));
      assertEquals(component ? "Component" : "Kustomization", k.path("kind").asText(), where);
    }
  }

  @Test
  void everyManifestFileHoldsOneKind() throws IOException {
    for (Path file : yamlFiles()) {
      Set<String> kinds = new HashSet<>();
      documents(file).forEach(d -> kinds.add(d.path("kind").asText()));
      assertEquals(1, kinds.size(), DEPLOY.relativize(file) + " holds " + kinds);
    }
  }

  @Test
  void overlaysStayThin() throws IOException {
    Set<String> allowed =
        Set.of("apiVersion", "kind", "namespace", "resources", "components", "images", "patches");
    for (String env : List.of("dev", "test", "prod")) {
      JsonNode k = documents(DEPLOY.resolve("overlays/" + env + "/kustomization.yaml")).get(0);
      k.fieldNames().forEachRemaining(f -> assertTrue(allowed.contains(f), env + " uses " + f));
      assertEquals("notejam-" + env, k.path("namespace").asText());
      assertTrue(k.path("images").isMissingNode(), env + ": images only in components/release");
      JsonNode release =
          documents(DEPLOY.resolve("components/release/" + env + "/kustomization.yaml")).get(0);
      assertEquals(Set.of("apiVersion", "kind", "images"), fieldNames(release), env);
      for (JsonNode image : release.path("images")) {
        assertFalse(image.has("newTag"), env + ": images by digest, never by tag");
        assertTrue(
            image.path("digest").asText().matches("sha256:[0-9a-f]{64}"), env + ": " + image);
        assertTrue(image.has("newName"), env + ": the registry is explicit");
      }
    }
  }

  @Test
  void everyComponentIsExplainedInTheReadme() throws IOException {
    String readme = Files.readString(DEPLOY.resolve("README.md"));
    try (Stream<Path> dirs = Files.list(DEPLOY.resolve("components"))) {
      for (Path dir : dirs.collect(Collectors.toList())) {
        String name = "components/" + dir.getFileName();
        assertTrue(readme.contains("`" + name + "`"), name + " has no README line");
      }
    }
  }

  @Test
  void storageIsEncryptedGp3AndSnapshotsAreTaggedForRetention() throws IOException {
    Manifests cluster = Manifests.of("base/cluster-scoped");
    cluster.raw.forEach(
        n ->
            assertTrue(
                n.path("metadata").path("namespace").isMissingNode(), "cluster-scoped: " + n));
    StorageClass sc = cluster.all(StorageClass.class).get(0);
    assertEquals("ebs.csi.aws.com", sc.getProvisioner());
    assertEquals("gp3", sc.getParameters().get("type"));
    assertEquals("true", sc.getParameters().get("encrypted"));
    assertEquals("WaitForFirstConsumer", sc.getVolumeBindingMode(), "volume in the pod's zone");
    assertEquals(Boolean.TRUE, sc.getAllowVolumeExpansion());
    assertEquals("Retain", sc.getReclaimPolicy());

    // notejam-ebs-pruned for CloudNativePG's restore points (SnapshotPruneTest), notejam-ebs-retain
    // for what must outlive the namespace; both tagged alike.
    assertEquals(
        "Retain",
        cluster
            .custom("VolumeSnapshotClass", "notejam-ebs-retain")
            .path("deletionPolicy")
            .asText());
    Set<String> tags = new HashSet<>();
    for (ObjectNode vsc : cluster.customs("VolumeSnapshotClass")) {
      assertEquals("ebs.csi.aws.com", vsc.path("driver").asText());
      Set<String> own = new HashSet<>();
      vsc.path("parameters")
          .fields()
          .forEachRemaining(
              e -> {
                assertTrue(e.getKey().startsWith("tagSpecification_"), e.getKey());
                own.add(e.getValue().asText());
              });
      assertTrue(tags.isEmpty() || tags.equals(own), "the same tags: " + tags + " " + own);
      tags.addAll(own);
    }
    // Each environment's policy on the AWS side (deploy/aws DataProtectionTest) selects the
    // volumes of its namespace by this tag; the top README, where "Deploying to EKS" describes
    // the backups, is the contract.
    String readme = Files.readString(DEPLOY.getParent().resolve("README.md"));
    String volumeTag = "notejam/backup=volume-snapshot-{{ .PVCNamespace }}";
    assertTrue(sc.getParameters().containsValue(volumeTag), "volume tag " + volumeTag);
    String snapshotTag = "notejam/backup=volume-snapshot-{{ .VolumeSnapshotNamespace }}";
    assertTrue(tags.contains(snapshotTag), "snapshot tag " + snapshotTag);
    for (String tag : List.of(volumeTag, snapshotTag)) {
      assertTrue(readme.contains(tag.substring(tag.indexOf('=') + 1)), "README names " + tag);
    }
  }

  @Test
  void baseRendersOnItsOwn() {
    Manifests base = Manifests.of("base");
    assertFalse(base.objects.isEmpty());
    assertNull(
        base.raw.stream()
            .filter(
                n ->
                    n.path("metadata").path("annotations").has("config.kubernetes.io/local-config"))
            .findFirst()
            .orElse(null),
        "local-config values are never emitted");
  }

  private static Set<String> fieldNames(JsonNode node) {
    Set<String> names = new java.util.TreeSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
