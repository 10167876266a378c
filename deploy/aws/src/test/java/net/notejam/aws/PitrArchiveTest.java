package net.notejam.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awscdk.assertions.Template;

/**
 * The PITR bucket the database archives its WAL and base backups to (deploy/base/database
 * objectstore.yaml), locked for the 35-day window, and the Pod Identity roles of the live cluster
 * (read and write) and of a recovered side cluster (read only).
 */
class PitrArchiveTest {

  /** The overlays' ObjectStore destination (deploy/overlays/&lt;env&gt;/env-values.yaml). */
  private static final Pattern OVERLAY_DESTINATION =
      Pattern.compile(
          "(?m)^\\s*pitrDestination:\\s*s3://notejam-[a-z]+-([a-z]+-[a-z]+-\\d)-pitr-(\\d{12})/$");

  @ParameterizedTest
  @EnumSource(EnvironmentProfile.class)
  void theArchiveIsVersionedEncryptedPrivateLockedForTheWindowAndRetained(
      EnvironmentProfile profile) {
    SynthesizedDeployment synthesized = SynthesizedDeployment.of(profile);
    Map<String, Object> bucket =
        Templates.bucket(synthesized.dataProtection(), synthesized.deployment.pitrBucketName());

    Templates.assertVersionedEncryptedPrivateAndLocked(
        bucket, BackupPolicy.PITR_WINDOW_DAYS, profile == EnvironmentProfile.PROD);

    // The plugin prunes what falls out of the window; nothing expires the current objects, which
    // could take the last base backup with them.
    for (Object rule : Templates.list(Templates.at(bucket, "LifecycleConfiguration", "Rules"))) {
      Map<String, Object> r = Templates.map(rule);
      assertFalse(r.containsKey("ExpirationInDays"), "no expiry of current objects: " + r);
      assertEquals(
          7, Templates.number(Templates.at(r, "NoncurrentVersionExpiration", "NoncurrentDays")));
    }
    Templates.resources(synthesized.dataProtection(), "AWS::S3::Bucket")
        .values()
        .forEach(resource -> assertEquals("Retain", resource.get("DeletionPolicy")));
  }

  @ParameterizedTest
  @EnumSource(EnvironmentProfile.class)
  void theLiveClusterWritesTheArchiveAndASideClusterOnlyReadsIt(EnvironmentProfile profile) {
    Template cluster = SynthesizedDeployment.of(profile).cluster();
    String namespace = "notejam-" + profile.id();
    for (String account :
        List.of(ClusterStack.DATABASE_SERVICE_ACCOUNT, ClusterStack.RECOVERY_SERVICE_ACCOUNT)) {
      cluster.hasResourceProperties(
          "AWS::EKS::PodIdentityAssociation",
          Map.of("Namespace", namespace, "ServiceAccount", account));
    }
    List<String> archive = actionsOfRole(cluster, "DatabaseArchiveRole");
    assertTrue(archive.contains("s3:PutObject"), "WAL and base backups written: " + archive);
    assertTrue(
        archive.stream().anyMatch(a -> a.startsWith("s3:DeleteObject")),
        "what falls out of the window pruned: " + archive);
    List<String> recovery = actionsOfRole(cluster, "DatabaseRecoveryRole");
    assertTrue(recovery.contains("s3:GetObject*"), "the archive read: " + recovery);
    assertTrue(
        recovery.stream().noneMatch(a -> a.startsWith("s3:Put") || a.startsWith("s3:Delete")),
        "a side cluster never changes the archive: " + recovery);
  }

  /** What S3 replication needs of the source, the destination and their keys; nothing else. */
  private static final Set<String> REPLICATION_ACTIONS =
      Set.of(
          "s3:GetReplicationConfiguration",
          "s3:ListBucket",
          "s3:GetObjectVersionForReplication",
          "s3:GetObjectVersionAcl",
          "s3:GetObjectVersionTagging",
          "s3:GetObjectRetention",
          "s3:GetObjectLegalHold",
          "s3:ReplicateObject",
          "s3:ReplicateDelete",
          "s3:ReplicateTags",
          "s3:ObjectOwnerOverrideToBucketOwner",
          "kms:Decrypt",
          "kms:Encrypt",
          "kms:ReEncrypt*",
          "kms:GenerateDataKey*",
          "kms:DescribeKey");

  @ParameterizedTest
  @EnumSource(EnvironmentProfile.class)
  void theArchiveReplicatesEncryptedToItsReplicaInTheDrRegion(EnvironmentProfile profile) {
    SynthesizedDeployment synthesized = SynthesizedDeployment.of(profile);
    Map<String, Object> bucket =
        Templates.bucket(synthesized.dataProtection(), synthesized.deployment.pitrBucketName());

    List<Object> rules = Templates.list(Templates.at(bucket, "ReplicationConfiguration", "Rules"));
    assertEquals(1, rules.size());
    Map<String, Object> rule = Templates.map(rules.get(0));
    assertEquals("Enabled", rule.get("Status"));
    String replicaName = synthesized.deployment.pitrReplicaBucketName();
    assertTrue(replicaName.contains("-" + SynthesizedDeployment.DR_REGION + "-"), replicaName);
    String destination = String.valueOf(Templates.at(rule, "Destination", "Bucket"));
    assertTrue(destination.contains(":s3:::" + replicaName), destination);
    assertEquals(
        "Enabled",
        Templates.at(rule, "SourceSelectionCriteria", "SseKmsEncryptedObjects", "Status"),
        "the archive's objects are KMS-encrypted: without this none would be copied");
    assertEquals(
        "Disabled",
        Templates.at(rule, "DeleteMarkerReplication", "Status"),
        "the plugin's pruning (or an attacker's deletes) stays in the primary");
    String replicaKey =
        String.valueOf(
            Templates.at(rule, "Destination", "EncryptionConfiguration", "ReplicaKmsKeyID"));
    // A cross-region reference to the recovery stack's key (in the DR region) of the replica.
    assertTrue(
        replicaKey.contains("recovery" + SynthesizedDeployment.DR_REGION.replace("-", ""))
            && replicaKey.contains("PitrReplicaKey"),
        "the replica's own key in the DR region: " + replicaKey);
  }

  @ParameterizedTest
  @EnumSource(EnvironmentProfile.class)
  void theReplicaIsLockedVersionedAndEncryptedWithItsOwnKeyInTheDrRegion(
      EnvironmentProfile profile) {
    SynthesizedDeployment synthesized = SynthesizedDeployment.of(profile);
    Template recovery = synthesized.recovery();
    assertEquals(SynthesizedDeployment.DR_REGION, synthesized.stacks.recovery().getRegion());
    Map<String, Object> replica =
        Templates.bucket(recovery, synthesized.deployment.pitrReplicaBucketName());

    Templates.assertVersionedEncryptedPrivateAndLocked(
        replica, BackupPolicy.PITR_WINDOW_DAYS, profile == EnvironmentProfile.PROD);
    Object replicaKey = encryptionKey(replica);
    Object copiesKey =
        encryptionKey(Templates.bucket(recovery, synthesized.deployment.replicaBucketName()));
    assertTrue(replicaKey.toString().contains("PitrReplicaKey"), "its own key: " + replicaKey);
    assertFalse(replicaKey.equals(copiesKey), "not the key of the snapshot copies");
    assertEquals(2, Templates.resources(recovery, "AWS::KMS::Key").size());

    // Nothing prunes the replica (deletes are not replicated): objects expire a week after the
    // window, when their lock has ended.
    Map<String, Object> rule =
        Templates.map(
            Templates.list(Templates.at(replica, "LifecycleConfiguration", "Rules")).get(0));
    int expiry = Templates.number(rule.get("ExpirationInDays"));
    assertTrue(expiry > BackupPolicy.PITR_WINDOW_DAYS, "never while locked: " + expiry);
    assertEquals(BackupPolicy.PITR_WINDOW_DAYS + 7, expiry);
  }

  @ParameterizedTest
  @EnumSource(EnvironmentProfile.class)
  void theReplicationRoleMayOnlyReplicateFromTheArchiveToItsReplica(EnvironmentProfile profile) {
    SynthesizedDeployment synthesized = SynthesizedDeployment.of(profile);
    Template dataProtection = synthesized.dataProtection();
    Map<String, Object> bucket =
        Templates.bucket(dataProtection, synthesized.deployment.pitrBucketName());
    String role =
        String.valueOf(
            Templates.list(
                    Templates.map(Templates.at(bucket, "ReplicationConfiguration", "Role"))
                        .get("Fn::GetAtt"))
                .get(0));
    assertEquals(
        List.of("s3.amazonaws.com"),
        List.of(
            String.valueOf(
                Templates.at(
                    Templates.map(
                        Templates.list(
                                Templates.at(
                                    Templates.map(
                                        Templates.resources(dataProtection, "AWS::IAM::Role")
                                            .get(role)
                                            .get("Properties")),
                                    "AssumeRolePolicyDocument",
                                    "Statement"))
                            .get(0)),
                    "Principal",
                    "Service"))));

    List<Map<String, Object>> statements = statementsOfRole(dataProtection, role);
    assertFalse(statements.isEmpty(), role);
    for (Map<String, Object> statement : statements) {
      assertEquals("Allow", statement.get("Effect"));
      for (String action : actions(statement)) {
        assertTrue(REPLICATION_ACTIONS.contains(action), role + " may " + action);
      }
      String resources = String.valueOf(statement.get("Resource"));
      assertFalse(
          resources.matches(".*\\[\\s*\\*\\s*].*|^\\*$"), "no Resource \"*\": " + statement);
      if (actions(statement).stream().anyMatch(a -> a.startsWith("s3:Replicate"))) {
        assertTrue(
            resources.contains(synthesized.deployment.pitrReplicaBucketName() + "/*"),
            "writes into the replica only: " + resources);
        assertFalse(
            resources.contains(synthesized.deployment.replicaBucketName()),
            "not into the logical backups' replica: " + resources);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(EnvironmentProfile.class)
  void aRecoveryInTheDrRegionGetsAReadOnlyPolicyForTheReplica(EnvironmentProfile profile) {
    Template recovery = SynthesizedDeployment.of(profile).recovery();
    Map<String, Object> reader = Templates.single(recovery, "AWS::IAM::ManagedPolicy");
    List<String> actions = new ArrayList<>();
    for (Object statement : Templates.list(Templates.at(reader, "PolicyDocument", "Statement"))) {
      actions.addAll(actions(Templates.map(statement)));
    }
    assertTrue(actions.contains("s3:GetObject*"), actions.toString());
    assertTrue(actions.contains("kms:Decrypt"), "the replica's key: " + actions);
    assertTrue(
        actions.stream()
            .noneMatch(a -> a.startsWith("s3:Put") || a.startsWith("s3:Delete") || a.equals("*")),
        "reads only: " + actions);
    recovery.hasOutput("PitrReplicaBucketName", Map.of());
    recovery.hasOutput("PitrReplicaReaderArn", Map.of());
  }

  private static Object encryptionKey(Map<String, Object> bucket) {
    return Templates.at(
        Templates.map(
            Templates.list(
                    Templates.at(bucket, "BucketEncryption", "ServerSideEncryptionConfiguration"))
                .get(0)),
        "ServerSideEncryptionByDefault",
        "KMSMasterKeyID");
  }

  static List<String> actions(Map<String, Object> statement) {
    Object action = statement.get("Action");
    if (action instanceof List<?> list) {
      return list.stream().map(String::valueOf).toList();
    }
    return List.of(String.valueOf(action));
  }

  /** The statements of the IAM policies attached to the role whose logical id starts so. */
  static List<Map<String, Object>> statementsOfRole(Template template, String rolePrefix) {
    List<Map<String, Object>> statements = new ArrayList<>();
    for (Map<String, Object> policy : Templates.properties(template, "AWS::IAM::Policy")) {
      if (Templates.list(policy.get("Roles")).toString().contains("Ref=" + rolePrefix)) {
        Templates.list(Templates.at(policy, "PolicyDocument", "Statement"))
            .forEach(s -> statements.add(Templates.map(s)));
      }
    }
    return statements;
  }

  /** The destination each overlay's ObjectStore writes to is the bucket this app creates. */
  @ParameterizedTest
  @EnumSource(EnvironmentProfile.class)
  void theOverlayArchivesToTheBucketOfItsEnvironment(EnvironmentProfile profile)
      throws IOException {
    Path values = Path.of("..", "overlays", profile.id(), "env-values.yaml");
    String text = Files.readString(values);
    Matcher destination = OVERLAY_DESTINATION.matcher(text);
    assertTrue(destination.find(), values + ": pitrDestination");
    String region = destination.group(1);
    String account = destination.group(2);
    String drRegion = region.equals("eu-west-1") ? "eu-central-1" : "eu-west-1";
    Deployment overlays = new Deployment(profile, account, region, drRegion);
    assertTrue(
        text.contains("s3://" + overlays.pitrBucketName() + "/"),
        values + ": s3://" + overlays.pitrBucketName() + "/");
  }

  /** The actions of the IAM policies attached to the role whose logical id starts so. */
  private static List<String> actionsOfRole(Template template, String rolePrefix) {
    return statementsOfRole(template, rolePrefix).stream()
        .flatMap(statement -> actions(statement).stream())
        .toList();
  }
}
