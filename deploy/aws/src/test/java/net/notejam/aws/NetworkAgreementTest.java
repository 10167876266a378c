package net.notejam.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.notejam.deploy.Manifests;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awscdk.assertions.Template;

/**
 * The addresses each overlay's NetworkPolicies name against the VPC the CDK app builds: the app
 * admits the load balancer's public subnets, the pruning job reaches the API server in the VPC. A
 * change of the VPC's range or its subnet layout fails here until env-values.yaml follows.
 */
class NetworkAgreementTest {

  @ParameterizedTest
  @EnumSource(EnvironmentProfile.class)
  void theAppAdmitsExactlyTheLoadBalancersSubnets(EnvironmentProfile profile) {
    assertEquals(publicSubnets(profile), pagesAdmittedFrom(overlay(profile)), profile.id());
  }

  @ParameterizedTest
  @EnumSource(EnvironmentProfile.class)
  void theOverlayNamesTheEnvironmentsVpc(EnvironmentProfile profile) {
    Template network = SynthesizedDeployment.of(profile).network();
    Object vpc = Templates.single(network, "AWS::EC2::VPC").get("CidrBlock");
    JsonNode prune = overlay(profile).custom("NetworkPolicy", "notejam-snapshot-prune-egress");
    assertEquals(vpc, prune.at("/spec/egress/1/to/0/ipBlock/cidr").asText(), profile.id());
  }

  static Manifests overlay(EnvironmentProfile profile) {
    return Manifests.of("overlays/" + profile.id());
  }

  /** The CIDRs of the VPC's public subnets, in zone order. */
  static List<String> publicSubnets(EnvironmentProfile profile) {
    Template network = SynthesizedDeployment.of(profile).network();
    return Templates.properties(network, "AWS::EC2::Subnet").stream()
        .filter(subnet -> "Public".equals(Templates.tags(subnet).get("aws-cdk:subnet-type")))
        .sorted(Comparator.comparing(subnet -> subnet.get("AvailabilityZone").toString()))
        .map(subnet -> (String) subnet.get("CidrBlock"))
        .toList();
  }

  /** Every ipBlock the app's ingress policy admits on the pages' port 9080. */
  static List<String> pagesAdmittedFrom(Manifests overlay) {
    List<String> cidrs = new ArrayList<>();
    JsonNode policy = overlay.custom("NetworkPolicy", "notejam-app-ingress");
    for (JsonNode rule : policy.at("/spec/ingress")) {
      boolean pages = false;
      for (JsonNode port : rule.path("ports")) {
        pages |= port.path("port").asInt() == 9080;
      }
      for (JsonNode peer : rule.path("from")) {
        if (pages && peer.has("ipBlock")) {
          cidrs.add(peer.at("/ipBlock/cidr").asText());
        }
      }
    }
    return cidrs;
  }
}
