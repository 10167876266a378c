package net.notejam.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import net.notejam.deploy.Manifests;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * deploy/'s ExternalSecrets read secrets the CDK app creates, through a store of the cluster's
 * region.
 */
class SecretStoreAgreementTest {

  @ParameterizedTest
  @EnumSource(EnvironmentProfile.class)
  void clusterStoreReadsSecretsManagerOfTheClustersRegion(EnvironmentProfile profile) {
    SynthesizedDeployment synthesized = SynthesizedDeployment.of(profile);
    ObjectNode store =
        Manifests.of("platform/" + profile.id())
            .custom("ClusterSecretStore", "aws-secrets-manager");

    assertEquals(
        synthesized.deployment.region(),
        store.at("/spec/provider/aws/region").asText(),
        profile.id());
  }

  @ParameterizedTest
  @EnumSource(EnvironmentProfile.class)
  void everyKeyTheOverlayReadsIsASecretOfTheStack(EnvironmentProfile profile) {
    Set<Object> created =
        Templates.properties(
                SynthesizedDeployment.of(profile).cluster(), "AWS::SecretsManager::Secret")
            .stream()
            .map(secret -> secret.get("Name"))
            .collect(Collectors.toSet());

    Set<String> read = new TreeSet<>();
    for (ObjectNode externalSecret :
        Manifests.of("overlays/" + profile.id()).customs("ExternalSecret")) {
      for (JsonNode data : externalSecret.at("/spec/data")) {
        read.add(data.at("/remoteRef/key").asText());
      }
    }
    assertTrue(
        read.contains(
            SecretStore.secretName(SynthesizedDeployment.of(profile).deployment, SecretStore.SMTP)),
        "" + read);
    assertTrue(
        read.contains(
            SecretStore.secretName(SynthesizedDeployment.of(profile).deployment, SecretStore.LTPA)),
        "" + read);
    assertTrue(created.containsAll(read), read + " not all among " + created);
  }
}
