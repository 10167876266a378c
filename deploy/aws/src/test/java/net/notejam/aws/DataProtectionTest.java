package net.notejam.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awscdk.assertions.Template;

class DataProtectionTest {
  private static final Map<String, Object> THREE_YEARS =
      Map.of("Interval", 3, "IntervalUnit", "YEARS");

  /** The logical backups' bucket in the primary region and its replica in the DR region. */
  private static List<Map<String, Object>> logicalBackupBuckets(SynthesizedDeployment synthesized) {
    return List.of(
        Templates.bucket(synthesized.dataProtection(), synthesized.deployment.backupBucketName()),
        Templates.single(synthesized.recovery(), "AWS::S3::Bucket"));
  }

  private static Map<String, Object> schedule(Template dataProtection) {
    Map<String, Object> policy = Templates.single(dataProtection, "AWS::DLM::LifecyclePolicy");
    List<Object> schedules = Templates.list(Templates.at(policy, "PolicyDetails", "Schedules"));
    assertEquals(1, schedules.size());
    return Templates.map(schedules.get(0));
  }

  @ParameterizedTest
  @EnumSource(EnvironmentProfile.class)
  void snapshotPolicySelectsTheBackupTagAndAddsTheRetentionTag(EnvironmentProfile profile) {
    Template dataProtection = SynthesizedDeployment.of(profile).dataProtection();
    Map<String, Object> policy = Templates.single(dataProtection, "AWS::DLM::LifecyclePolicy");

    assertEquals("ENABLED", policy.get("State"));
    assertEquals("EBS_SNAPSHOT_MANAGEMENT", Templates.at(policy, "PolicyDetails", "PolicyType"));
    assertEquals(List.of("VOLUME"), Templates.at(policy, "PolicyDetails", "ResourceTypes"));
    assertEquals(
        List.of(Map.of("Key", "notejam/backup", "Value", "volume-snapshot")),
        Templates.at(policy, "PolicyDetails", "TargetTags"));
    Map<String, Object> schedule = schedule(dataProtection);
    assertEquals(
        List.of(Map.of("Key", "notejam/retention", "Value", "3y")), schedule.get("TagsToAdd"));
    assertEquals(true, schedule.get("CopyTags"));
  }

  @ParameterizedTest
  @EnumSource(EnvironmentProfile.class)
  void snapshotsAreDailyAndKeptThreeYears(EnvironmentProfile profile) {
    Map<String, Object> schedule = schedule(SynthesizedDeployment.of(profile).dataProtection());

    assertEquals(24, Templates.number(Templates.at(schedule, "CreateRule", "Interval")));
    assertEquals("HOURS", Templates.at(schedule, "CreateRule", "IntervalUnit"));
    assertEquals(THREE_YEARS, schedule.get("RetainRule"));
  }

  @ParameterizedTest
  @EnumSource(EnvironmentProfile.class)
  void snapshotsAreCopiedEncryptedToTheDrRegionAndKeptThreeYearsThere(EnvironmentProfile profile) {
    SynthesizedDeployment synthesized = SynthesizedDeployment.of(profile);
    Map<String, Object> schedule = schedule(synthesized.dataProtection());

    List<Object> copies = Templates.list(schedule.get("CrossRegionCopyRules"));
    assertEquals(1, copies.size());
    Map<String, Object> copy = Templates.map(copies.get(0));
    assertEquals(SynthesizedDeployment.DR_REGION, copy.get("Target"));
    assertEquals(true, copy.get("Encrypted"));
    assertTrue(copy.get("CmkArn") != null, "copies use the recovery region's own key");
    assertEquals(true, copy.get("CopyTags"));
    assertEquals(THREE_YEARS, copy.get("RetainRule"));
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
    assertEquals(
        replicaName, Templates.single(synthesized.recovery(), "AWS::S3::Bucket").get("BucketName"));
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
