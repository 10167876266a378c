package net.notejam.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RegistryTest {

  @ParameterizedTest
  @EnumSource(EnvironmentProfile.class)
  void imagesAreImmutableAndScannedOnPush(EnvironmentProfile profile) {
    Map<String, Map<String, Object>> repositories =
        Templates.resources(SynthesizedDeployment.of(profile).registry(), "AWS::ECR::Repository");

    assertEquals(
        java.util.Set.of("notejam/" + profile.id(), "notejam/" + profile.id() + "/backup"),
        repositories.values().stream()
            .map(r -> Templates.map(r.get("Properties")).get("RepositoryName"))
            .collect(java.util.stream.Collectors.toSet()));
    for (Map<String, Object> resource : repositories.values()) {
      Map<String, Object> repository = Templates.map(resource.get("Properties"));
      assertEquals("IMMUTABLE", repository.get("ImageTagMutability"));
      assertEquals(true, Templates.at(repository, "ImageScanningConfiguration", "ScanOnPush"));
      assertEquals("Retain", resource.get("DeletionPolicy"));
    }
  }

  @ParameterizedTest
  @EnumSource(EnvironmentProfile.class)
  void thisEnvironmentsRepositoriesReplicateToTheDrRegion(EnvironmentProfile profile) {
    Map<String, Object> replication =
        Templates.single(
            SynthesizedDeployment.of(profile).registry(), "AWS::ECR::ReplicationConfiguration");
    java.util.List<Object> rules =
        Templates.list(Templates.at(replication, "ReplicationConfiguration", "Rules"));
    assertEquals(1, rules.size());
    Map<String, Object> rule = Templates.map(rules.get(0));
    Map<String, Object> destination =
        Templates.map(Templates.list(rule.get("Destinations")).get(0));
    assertEquals(SynthesizedDeployment.DR_REGION, destination.get("Region"));
    assertEquals(SynthesizedDeployment.ACCOUNT, destination.get("RegistryId"));
    Map<String, Object> filter =
        Templates.map(Templates.list(rule.get("RepositoryFilters")).get(0));
    assertEquals("PREFIX_MATCH", filter.get("FilterType"));
    assertEquals("notejam/" + profile.id(), filter.get("Filter"));
  }

  @ParameterizedTest
  @EnumSource(EnvironmentProfile.class)
  void untaggedImagesExpire(EnvironmentProfile profile) {
    for (Map<String, Object> resource :
        Templates.resources(SynthesizedDeployment.of(profile).registry(), "AWS::ECR::Repository")
            .values()) {
      Map<String, Object> repository = Templates.map(resource.get("Properties"));
      String policy = (String) Templates.at(repository, "LifecyclePolicy", "LifecyclePolicyText");
      assertTrue(policy.contains("\"tagStatus\":\"untagged\""), policy);
      assertTrue(policy.contains("\"countType\":\"sinceImagePushed\""), policy);
      assertTrue(policy.contains("\"countNumber\":" + RegistryStack.UNTAGGED_IMAGE_DAYS), policy);
    }
  }
}
