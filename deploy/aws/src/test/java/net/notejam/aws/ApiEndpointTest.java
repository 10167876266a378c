package net.notejam.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awscdk.App;

/** The EKS API endpoint admits the configured ranges only, never every address. */
class ApiEndpointTest {

  @ParameterizedTest
  @EnumSource(EnvironmentProfile.class)
  void publicEndpointAdmitsOnlyTheConfiguredCidrs(EnvironmentProfile profile) {
    Map<String, Object> config =
        Templates.map(
            Templates.single(
                    SynthesizedDeployment.of(profile).cluster(), "Custom::AWSCDK-EKS-Cluster")
                .get("Config"));
    Map<String, Object> vpc = Templates.map(config.get("resourcesVpcConfig"));
    assertEquals(true, vpc.get("endpointPublicAccess"));
    assertEquals(true, vpc.get("endpointPrivateAccess"));
    assertEquals(SynthesizedDeployment.API_ALLOWED_CIDRS, vpc.get("publicAccessCidrs"));
  }

  @Test
  void withoutCidrsTheEndpointIsPrivate() {
    Deployment deployment =
        new Deployment(EnvironmentProfile.DEV, "111111111111", "eu-west-1", "eu-central-1");
    assertEquals(
        software.amazon.awscdk.services.eks.EndpointAccess.PRIVATE, ApiEndpoint.access(deployment));
  }

  @Test
  void prodRequiresCidrs() {
    App app = new App();
    app.getNode().setContext("env", "prod");
    app.getNode().setContext("region", "eu-west-1");
    app.getNode().setContext("drRegion", "eu-central-1");
    app.getNode().setContext("account", "111111111111");
    IllegalArgumentException missing =
        assertThrows(
            IllegalArgumentException.class, () -> Deployment.fromContext(app.getNode(), Map.of()));
    assertTrue(missing.getMessage().contains("apiAllowedCidrs"), missing.getMessage());

    app.getNode().setContext("apiAllowedCidrs", " 203.0.113.0/24, 198.51.100.7/32 ");
    assertEquals(
        List.of("203.0.113.0/24", "198.51.100.7/32"),
        Deployment.fromContext(app.getNode(), Map.of()).apiAllowedCidrs());
  }

  @ParameterizedTest
  @ValueSource(strings = {"0.0.0.0/0", "10.0.0.0/33", "256.1.1.1/32", "203.0.113.0", "any"})
  void openOrMalformedRangesAreRefused(String cidr) {
    IllegalArgumentException refused =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new Deployment(
                    EnvironmentProfile.PROD,
                    "111111111111",
                    "eu-west-1",
                    "eu-central-1",
                    List.of(cidr)));
    assertTrue(refused.getMessage().contains(cidr), refused.getMessage());
  }
}
