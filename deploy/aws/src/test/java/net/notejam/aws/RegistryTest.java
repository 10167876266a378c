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
    Map<String, Object> repository =
        Templates.single(SynthesizedDeployment.of(profile).registry(), "AWS::ECR::Repository");

    assertEquals("IMMUTABLE", repository.get("ImageTagMutability"));
    assertEquals(true, Templates.at(repository, "ImageScanningConfiguration", "ScanOnPush"));
    assertEquals("notejam/" + profile.id(), repository.get("RepositoryName"));
  }

  @ParameterizedTest
  @EnumSource(EnvironmentProfile.class)
  void untaggedImagesExpire(EnvironmentProfile profile) {
    Map<String, Object> repository =
        Templates.single(SynthesizedDeployment.of(profile).registry(), "AWS::ECR::Repository");

    String policy = (String) Templates.at(repository, "LifecyclePolicy", "LifecyclePolicyText");
    assertTrue(policy.contains("\"tagStatus\":\"untagged\""), policy);
    assertTrue(policy.contains("\"countType\":\"sinceImagePushed\""), policy);
    assertTrue(policy.contains("\"countNumber\":" + RegistryStack.UNTAGGED_IMAGE_DAYS), policy);
  }
}
