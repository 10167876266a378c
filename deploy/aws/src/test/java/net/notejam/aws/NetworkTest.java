package net.notejam.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class NetworkTest {

  @ParameterizedTest
  @EnumSource(EnvironmentProfile.class)
  void publicAndPrivateSubnetsSpanThreeZones(EnvironmentProfile profile) {
    Template network = SynthesizedDeployment.of(profile).network();

    for (String tier : List.of("Public", "Private")) {
      Set<Object> zones =
          Templates.properties(network, "AWS::EC2::Subnet").stream()
              .filter(subnet -> tier.equals(Templates.tags(subnet).get("aws-cdk:subnet-type")))
              .map(subnet -> subnet.get("AvailabilityZone"))
              .collect(Collectors.toSet());
      assertEquals(Set.of("eu-west-1a", "eu-west-1b", "eu-west-1c"), zones, tier + " subnet zones");
    }
  }

  @ParameterizedTest
  @EnumSource(EnvironmentProfile.class)
  void onlyPublicSubnetsTakeInternetFacingLoadBalancers(EnvironmentProfile profile) {
    Template network = SynthesizedDeployment.of(profile).network();

    for (Map<String, Object> subnet : Templates.properties(network, "AWS::EC2::Subnet")) {
      Map<String, Object> tags = Templates.tags(subnet);
      boolean isPublic = "Public".equals(tags.get("aws-cdk:subnet-type"));
      assertEquals(isPublic, tags.containsKey("kubernetes.io/role/elb"), tags.toString());
      assertEquals(
          isPublic, Boolean.TRUE.equals(subnet.get("MapPublicIpOnLaunch")), tags.toString());
    }
  }

  @ParameterizedTest
  @EnumSource(EnvironmentProfile.class)
  void imagePullsUseVpcEndpointsInsteadOfNat(EnvironmentProfile profile) {
    Template network = SynthesizedDeployment.of(profile).network();

    network.hasResourceProperties(
        "AWS::EC2::VPCEndpoint",
        Map.of(
            "VpcEndpointType",
            "Gateway",
            "ServiceName",
            Match.objectLike(Map.of("Fn::Join", Match.anyValue()))));
    Set<String> interfaces =
        Templates.properties(network, "AWS::EC2::VPCEndpoint").stream()
            .filter(endpoint -> "Interface".equals(endpoint.get("VpcEndpointType")))
            .map(endpoint -> String.valueOf(endpoint.get("ServiceName")))
            .collect(Collectors.toSet());
    assertTrue(
        interfaces.stream().anyMatch(name -> name.endsWith(".ecr.api")), interfaces::toString);
    assertTrue(
        interfaces.stream().anyMatch(name -> name.endsWith(".ecr.dkr")), interfaces::toString);
  }

  @ParameterizedTest
  @EnumSource(EnvironmentProfile.class)
  void prodHasOneNatGatewayPerZone(EnvironmentProfile profile) {
    Template network = SynthesizedDeployment.of(profile).network();

    network.resourceCountIs("AWS::EC2::NatGateway", profile.settings().natGateways());
    if (profile == EnvironmentProfile.PROD) {
      assertEquals(NetworkStack.ZONES, profile.settings().natGateways());
    }
  }
}
