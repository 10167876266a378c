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

  /** The S3 actions of the IAM policies attached to the role whose logical id starts so. */
  private static List<String> actionsOfRole(Template template, String rolePrefix) {
    List<String> actions = new ArrayList<>();
    for (Map<String, Object> policy : Templates.properties(template, "AWS::IAM::Policy")) {
      boolean attached =
          Templates.list(policy.get("Roles")).stream()
              .anyMatch(role -> String.valueOf(role).contains(rolePrefix));
      if (!attached) {
        continue;
      }
      for (Object statement : Templates.list(Templates.at(policy, "PolicyDocument", "Statement"))) {
        Object action = Templates.map(statement).get("Action");
        if (action instanceof List<?> list) {
          list.forEach(a -> actions.add(String.valueOf(a)));
        } else {
          actions.add(String.valueOf(action));
        }
      }
    }
    return actions;
  }
}
