package net.notejam.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awscdk.Stack;

class NamingTest {

  @ParameterizedTest
  @EnumSource(EnvironmentProfile.class)
  void stackNamesCarryEnvironmentAndRegion(EnvironmentProfile profile) {
    SynthesizedDeployment synthesized = SynthesizedDeployment.of(profile);

    for (Stack stack : synthesized.stacks.all()) {
      String name = stack.getStackName();
      assertTrue(name.startsWith("notejam-" + profile.id() + "-"), name);
      String region = stack == synthesized.stacks.recovery() ? "eu-central-1" : "eu-west-1";
      assertTrue(name.contains(region), name);
      assertEquals(region, stack.getRegion(), name);
      assertEquals(SynthesizedDeployment.ACCOUNT, stack.getAccount(), name);
    }
  }

  @ParameterizedTest
  @EnumSource(EnvironmentProfile.class)
  void resourcesAreTaggedWithEnvironmentAndRegions(EnvironmentProfile profile) {
    SynthesizedDeployment synthesized = SynthesizedDeployment.of(profile);
    Map<String, String> expected =
        Map.of(
            "notejam/environment", profile.id(),
            "notejam/region", "eu-west-1",
            "notejam/dr-region", "eu-central-1");

    for (Stack stack : synthesized.stacks.all()) {
      Map<String, String> tags = stack.getTags().tagValues();
      expected.forEach((key, value) -> assertEquals(value, tags.get(key), stack.getStackName()));
    }
    // Tags reach the resources themselves, which is where cost reports read them.
    for (String type : new String[] {"AWS::EC2::VPC", "AWS::EC2::Subnet"}) {
      for (Map<String, Object> resource : Templates.properties(synthesized.network(), type)) {
        expected.forEach(
            (key, value) -> assertEquals(value, Templates.tags(resource).get(key), type));
      }
    }
    for (Map<String, Object> bucket :
        Templates.properties(synthesized.dataProtection(), "AWS::S3::Bucket")) {
      expected.forEach((key, value) -> assertEquals(value, Templates.tags(bucket).get(key)));
    }
  }

  @ParameterizedTest
  @EnumSource(EnvironmentProfile.class)
  void clusterAndBucketNamesCarryEnvironmentAndRegion(EnvironmentProfile profile) {
    SynthesizedDeployment synthesized = SynthesizedDeployment.of(profile);

    Map<String, Object> config =
        Templates.map(
            Templates.single(synthesized.cluster(), "Custom::AWSCDK-EKS-Cluster").get("Config"));
    assertEquals("notejam-" + profile.id() + "-eu-west-1", config.get("name"));
    assertEquals(
        List.of(
            "notejam-" + profile.id() + "-eu-west-1-backups-111111111111",
            "notejam-" + profile.id() + "-eu-west-1-pitr-111111111111"),
        Templates.properties(synthesized.dataProtection(), "AWS::S3::Bucket").stream()
            .map(bucket -> (String) bucket.get("BucketName"))
            .sorted()
            .toList());
  }

  @Test
  void aDrRegionEqualToTheRegionIsRejected() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new Deployment(EnvironmentProfile.PROD, "111111111111", "eu-west-1", "eu-west-1"));
  }

  @Test
  void anUnknownEnvironmentIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> EnvironmentProfile.named("staging"));
  }
}
