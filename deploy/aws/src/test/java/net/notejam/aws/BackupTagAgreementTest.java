package net.notejam.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import net.notejam.deploy.Manifests;
import org.junit.jupiter.api.Test;

/**
 * Every environment has its own backup tag ({@link BackupPolicy#BACKUP_TAG}): the tag its Data
 * Lifecycle Manager policy selects volumes by is the one the StorageClass puts on the volumes of
 * that environment's overlay (and the VolumeSnapshotClasses on its snapshots), and no two
 * environments share one, so that no policy snapshots, keeps or copies another environment's data.
 */
class BackupTagAgreementTest {
  private static final Manifests CLUSTER_SCOPED = Manifests.of("base/cluster-scoped");

  @Test
  void eachEnvironmentsPolicySelectsTheTagItsOverlaysVolumesGetAndNoOtherShares() {
    Map<String, String> selectedByEnvironment = new TreeMap<>();
    for (EnvironmentProfile profile : EnvironmentProfile.values()) {
      String selected = selectedTag(profile);
      String namespace = databaseNamespace("overlays/" + profile.id());
      assertEquals(
          selected,
          tagOf(CLUSTER_SCOPED.custom("StorageClass", "notejam-gp3-encrypted"), namespace),
          profile.id() + ": the volumes of namespace " + namespace);
      for (JsonNode snapshotClass : CLUSTER_SCOPED.customs("VolumeSnapshotClass")) {
        assertEquals(
            selected,
            tagOf(snapshotClass, namespace),
            profile.id() + ": " + snapshotClass.at("/metadata/name").asText());
      }
      selectedByEnvironment.put(profile.id(), selected);
    }
    Set<String> distinct = Set.copyOf(selectedByEnvironment.values());
    assertEquals(
        EnvironmentProfile.values().length,
        distinct.size(),
        "two environments share a backup tag: " + selectedByEnvironment);
  }

  /** The standby region runs the same environment: its tag is prod's, in its own region's DLM. */
  @Test
  void theStandbyRegionTagsItsVolumesAsItsEnvironment() {
    assertEquals(databaseNamespace("overlays/prod"), databaseNamespace("overlays/prod-dr"));
  }

  /** What the environment's DLM policy selects: the value of its one notejam/backup target tag. */
  private static String selectedTag(EnvironmentProfile profile) {
    Map<String, Object> policy =
        Templates.single(
            SynthesizedDeployment.of(profile).dataProtection(), "AWS::DLM::LifecyclePolicy");
    List<String> values = new ArrayList<>();
    for (Object tag : Templates.list(Templates.at(policy, "PolicyDetails", "TargetTags"))) {
      Map<String, Object> t = Templates.map(tag);
      if (BackupPolicy.BACKUP_TAG.equals(t.get("Key"))) {
        values.add((String) t.get("Value"));
      }
    }
    assertEquals(1, values.size(), profile.id() + ": one backup tag selected: " + policy);
    return values.get(0);
  }

  private static String databaseNamespace(String overlay) {
    String namespace =
        Manifests.of(overlay).custom("Cluster", "notejam-db").at("/metadata/namespace").asText();
    assertTrue(namespace.startsWith("notejam-"), overlay + ": " + namespace);
    return namespace;
  }

  /**
   * The {@link BackupPolicy#BACKUP_TAG} value that the EBS CSI driver gives what it creates in
   * {@code namespace}: its tagSpecification parameters, with the namespace interpolated.
   */
  private static String tagOf(JsonNode storageOrSnapshotClass, String namespace) {
    List<String> values = new ArrayList<>();
    storageOrSnapshotClass
        .path("parameters")
        .fields()
        .forEachRemaining(
            parameter -> {
              String[] keyValue = parameter.getValue().asText().split("=", 2);
              if (parameter.getKey().startsWith("tagSpecification_")
                  && keyValue[0].equals(BackupPolicy.BACKUP_TAG)) {
                values.add(
                    keyValue[1]
                        .replace("{{ .PVCNamespace }}", namespace)
                        .replace("{{ .VolumeSnapshotNamespace }}", namespace));
              }
            });
    assertEquals(
        1,
        values.size(),
        storageOrSnapshotClass.at("/metadata/name").asText() + ": one backup tag");
    return values.get(0);
  }
}
