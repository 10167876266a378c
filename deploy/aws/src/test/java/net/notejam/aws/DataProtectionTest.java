package net.notejam.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awscdk.assertions.Template;

class DataProtectionTest {
  /** How long each environment keeps its daily volume snapshots, here and in the DR region. */
  private static Map<String, Object> kept(EnvironmentProfile profile) {
    return switch (profile) {
      case DEV -> Map.of("Interval", 7, "IntervalUnit", "DAYS");
      case TEST -> Map.of("Interval", 30, "IntervalUnit", "DAYS");
      case PROD -> Map.of("Interval", 3, "IntervalUnit", "YEARS");
    };
  }

  /** The logical backups' bucket in the primary region and its replica in the DR region. */
  private static List<Map<String, Object>> logicalBackupBuckets(SynthesizedDeployment synthesized) {
    return List.of(
        Templates.bucket(synthesized.dataProtection(), synthesized.deployment.backupBucketName()),
        Templates.bucket(synthesized.recovery(), synthesized.deployment.replicaBucketName()));
  }

  private static Map<String, Object> schedule(Template dataProtection) {
    Map<String, Object> policy = Templates.single(dataProtection, "AWS::DLM::LifecyclePolicy");
    List<Object> schedules = Templates.list(Templates.at(policy, "PolicyDetails", "Schedules"));
    assertEquals(1, schedules.size());
    return Templates.map(schedules.get(0));
  }

  @ParameterizedTest
  @EnumSource(EnvironmentProfile.class)
  void snapshotPolicySelectsItsEnvironmentsVolumesAndAddsTheRetentionTag(EnvironmentProfile profile)
      throws IOException {
    Template dataProtection = SynthesizedDeployment.of(profile).dataProtection();
    Map<String, Object> policy = Templates.single(dataProtection, "AWS::DLM::LifecyclePolicy");

    assertEquals("ENABLED", policy.get("State"));
    assertEquals("EBS_SNAPSHOT_MANAGEMENT", Templates.at(policy, "PolicyDetails", "PolicyType"));
    assertEquals(List.of("VOLUME"), Templates.at(policy, "PolicyDetails", "ResourceTypes"));
    assertEquals(
        List.of(
            Map.of("Key", "notejam/backup", "Value", "volume-snapshot-notejam-" + profile.id())),
        Templates.at(policy, "PolicyDetails", "TargetTags"),
        "this environment's volumes only");
    Map<String, Object> schedule = schedule(dataProtection);
    assertEquals(
        List.of(
            Map.of(
                "Key",
                "notejam/retention",
                "Value",
                Map.of("dev", "7d", "test", "30d", "prod", "3y").get(profile.id()))),
        schedule.get("TagsToAdd"));
    assertEquals(true, schedule.get("CopyTags"));

    // The StorageClass's tag, as the EBS CSI driver fills it in for this environment's namespace,
    // is the value the policy selects (deploy/base/cluster-scoped).
    Matcher volumeTag =
        Pattern.compile("tagSpecification_\\d+: \"notejam/backup=(.*)\\{\\{ \\.PVCNamespace }}\"")
            .matcher(Files.readString(STORAGE_CLASS));
    assertTrue(volumeTag.find(), STORAGE_CLASS + ": the volume tag");
    assertEquals(
        volumeTag.group(1) + "notejam-" + profile.id(),
        Templates.map(Templates.list(Templates.at(policy, "PolicyDetails", "TargetTags")).get(0))
            .get("Value"));
  }

  private static final Path STORAGE_CLASS =
      Path.of("..", "base", "cluster-scoped", "storageclass.yaml");

  @ParameterizedTest
  @EnumSource(EnvironmentProfile.class)
  void snapshotsAreDailyAndKeptThreeYearsInProdLessElsewhere(EnvironmentProfile profile) {
    Map<String, Object> schedule = schedule(SynthesizedDeployment.of(profile).dataProtection());

    assertEquals(24, Templates.number(Templates.at(schedule, "CreateRule", "Interval")));
    assertEquals("HOURS", Templates.at(schedule, "CreateRule", "IntervalUnit"));
    assertEquals(kept(profile), schedule.get("RetainRule"));
  }

  @ParameterizedTest
  @EnumSource(EnvironmentProfile.class)
  void snapshotsAreCopiedEncryptedToTheDrRegionAndKeptAsLongThere(EnvironmentProfile profile) {
    SynthesizedDeployment synthesized = SynthesizedDeployment.of(profile);
    Map<String, Object> schedule = schedule(synthesized.dataProtection());

    List<Object> copies = Templates.list(schedule.get("CrossRegionCopyRules"));
    assertEquals(1, copies.size());
    Map<String, Object> copy = Templates.map(copies.get(0));
    assertEquals(SynthesizedDeployment.DR_REGION, copy.get("Target"));
    assertEquals(true, copy.get("Encrypted"));
    assertTrue(copy.get("CmkArn") != null, "copies use the recovery region's own key");
    assertEquals(true, copy.get("CopyTags"));
    assertEquals(kept(profile), copy.get("RetainRule"));
  }

  @ParameterizedTest
  @EnumSource(EnvironmentProfile.class)
  void backupBucketIsVersionedEncryptedPrivateAndLocked(EnvironmentProfile profile) {
    SynthesizedDeployment synthesized = SynthesizedDeployment.of(profile);

    for (Map<String, Object> bucket : logicalBackupBuckets(synthesized)) {
      Templates.assertVersionedEncryptedPrivateAndLocked(
          bucket, BackupPolicy.RETENTION_DAYS, profile == EnvironmentProfile.PROD);
    }
  }

  @ParameterizedTest
  @EnumSource(EnvironmentProfile.class)
  void backupsMoveToColderStorageAndExpireAfterThreeYearsAndAMargin(EnvironmentProfile profile) {
    SynthesizedDeployment synthesized = SynthesizedDeployment.of(profile);

    for (Map<String, Object> bucket : logicalBackupBuckets(synthesized)) {
      Map<String, Object> rule =
          Templates.map(
              Templates.list(Templates.at(bucket, "LifecycleConfiguration", "Rules")).get(0));
      assertEquals(
          List.of(
              Map.of("StorageClass", "GLACIER_IR", "TransitionInDays", 30),
              Map.of("StorageClass", "GLACIER", "TransitionInDays", 90)),
          rule.get("Transitions"));
      int expiry = Templates.number(rule.get("ExpirationInDays"));
      assertTrue(expiry > BackupPolicy.RETENTION_DAYS, "expires only after the 3-year lock");
      assertTrue(expiry <= BackupPolicy.RETENTION_DAYS + 90, "and not much later");
    }
  }

  @ParameterizedTest
  @EnumSource(EnvironmentProfile.class)
  void backupsReplicateToTheBucketInTheDrRegion(EnvironmentProfile profile) {
    SynthesizedDeployment synthesized = SynthesizedDeployment.of(profile);
    Map<String, Object> bucket =
        Templates.bucket(synthesized.dataProtection(), synthesized.deployment.backupBucketName());

    Map<String, Object> rule =
        Templates.map(
            Templates.list(Templates.at(bucket, "ReplicationConfiguration", "Rules")).get(0));
    assertEquals("Enabled", rule.get("Status"));
    String destination = String.valueOf(Templates.at(rule, "Destination", "Bucket"));
    String replicaName = synthesized.deployment.replicaBucketName();
    assertTrue(destination.contains(":s3:::" + replicaName), destination);
    assertTrue(replicaName.contains(SynthesizedDeployment.DR_REGION), replicaName);
    assertTrue(
        Templates.at(rule, "Destination", "EncryptionConfiguration", "ReplicaKmsKeyID") != null);
    Templates.bucket(synthesized.recovery(), replicaName);
  }

  @ParameterizedTest
  @EnumSource(EnvironmentProfile.class)
  void dataResourcesAreRetainedOnDeletion(EnvironmentProfile profile) {
    SynthesizedDeployment synthesized = SynthesizedDeployment.of(profile);

    Map<Template, List<String>> dataTypes =
        Map.of(
            synthesized.dataProtection(),
                List.of("AWS::KMS::Key", "AWS::S3::Bucket", "AWS::DLM::LifecyclePolicy"),
            synthesized.recovery(), List.of("AWS::KMS::Key", "AWS::S3::Bucket"),
            synthesized.cluster(), List.of("AWS::KMS::Key"),
            synthesized.registry(), List.of("AWS::ECR::Repository"));
    dataTypes.forEach(
        (template, types) -> {
          for (String type : types) {
            Map<String, Map<String, Object>> resources = Templates.resources(template, type);
            assertTrue(!resources.isEmpty(), type);
            resources.forEach(
                (id, resource) -> {
                  assertEquals("Retain", resource.get("DeletionPolicy"), id);
                  assertEquals("Retain", resource.get("UpdateReplacePolicy"), id);
                });
          }
        });
  }
}
