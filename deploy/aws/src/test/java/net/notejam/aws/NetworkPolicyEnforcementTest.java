package net.notejam.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awscdk.assertions.Template;

/** The VPC CNI add-on enforces NetworkPolicies in every environment. */
class NetworkPolicyEnforcementTest {

  @ParameterizedTest
  @EnumSource(EnvironmentProfile.class)
  void vpcCniAddOnEnforcesNetworkPolicies(EnvironmentProfile profile) throws Exception {
    Template cluster = SynthesizedDeployment.of(profile).cluster();

    List<Map<String, Object>> vpcCni =
        Templates.properties(cluster, "AWS::EKS::Addon").stream()
            .filter(addon -> "vpc-cni".equals(addon.get("AddonName")))
            .toList();
    assertEquals(1, vpcCni.size(), "one VPC CNI add-on");
    Map<String, Object> addon = vpcCni.get(0);
    // It takes over the aws-node DaemonSet EKS installed, whatever its settings were.
    assertEquals("OVERWRITE", addon.get("ResolveConflicts"));
    JsonNode values = new ObjectMapper().readTree((String) addon.get("ConfigurationValues"));
    // The add-on's schema takes the flag as a string; a JSON boolean is rejected on create.
    assertEquals("true", values.path("enableNetworkPolicy").textValue(), values.toString());
  }
}
