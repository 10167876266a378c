package net.notejam.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import java.util.stream.Collectors;
import net.notejam.deploy.Manifests;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** deploy/platform/&lt;env&gt; names what the CDK app creates: node role, subnets' tag, zones. */
class NodePoolAgreementTest {

  @ParameterizedTest
  @EnumSource(EnvironmentProfile.class)
  void nodeClassNamesTheNodeRoleAndTheClustersTags(EnvironmentProfile profile) {
    SynthesizedDeployment synthesized = SynthesizedDeployment.of(profile);
    JsonNode spec =
        Manifests.of("platform/" + profile.id()).custom("EC2NodeClass", "notejam").path("spec");

    String clusterName = synthesized.deployment.prefix();
    assertEquals(NodeAutoscaling.nodeRoleName(synthesized.deployment), spec.path("role").asText());
    assertEquals(
        clusterName,
        spec.path("subnetSelectorTerms")
            .path(0)
            .path("tags")
            .path(NodeAutoscaling.DISCOVERY_TAG)
            .asText());
    assertEquals(
        clusterName,
        spec.path("securityGroupSelectorTerms")
            .path(0)
            .path("tags")
            .path("aws:eks:cluster-name")
            .asText());
    assertEquals("required", spec.path("metadataOptions").path("httpTokens").asText());
    assertEquals(1, spec.path("metadataOptions").path("httpPutResponseHopLimit").asInt());
  }

  @ParameterizedTest
  @EnumSource(EnvironmentProfile.class)
  void poolZonesAreTheVpcZones(EnvironmentProfile profile) {
    SynthesizedDeployment synthesized = SynthesizedDeployment.of(profile);
    JsonNode pool = Manifests.of("platform/" + profile.id()).custom("NodePool", "notejam");

    Set<Object> vpcZones =
        Templates.properties(synthesized.network(), "AWS::EC2::Subnet").stream()
            .map(s -> s.get("AvailabilityZone"))
            .collect(Collectors.toSet());
    assertEquals(
        vpcZones,
        Set.copyOf(CapacityAgreementTest.requirement(pool, "topology.kubernetes.io/zone")));
  }
}
