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

class NodeAutoscalingTest {

  @ParameterizedTest
  @EnumSource(EnvironmentProfile.class)
  void controllerTakesItsRoleThroughPodIdentityInKubeSystem(EnvironmentProfile profile) {
    Template cluster = SynthesizedDeployment.of(profile).cluster();

    cluster.hasResourceProperties(
        "AWS::EKS::PodIdentityAssociation",
        Map.of("Namespace", "kube-system", "ServiceAccount", "karpenter"));
  }

  @ParameterizedTest
  @EnumSource(EnvironmentProfile.class)
  void nodeRoleJoinsTheClusterThroughAnAccessEntry(EnvironmentProfile profile) {
    SynthesizedDeployment synthesized = SynthesizedDeployment.of(profile);
    Template cluster = synthesized.cluster();

    cluster.hasResourceProperties(
        "AWS::IAM::Role",
        Map.of(
            "RoleName",
            NodeAutoscaling.nodeRoleName(synthesized.deployment),
            "AssumeRolePolicyDocument",
            Match.objectLike(
                Map.of(
                    "Statement",
                    List.of(
                        Match.objectLike(
                            Map.of("Principal", Map.of("Service", "ec2.amazonaws.com"))))))));
    Map<String, Object> entry = Templates.single(cluster, "AWS::EKS::AccessEntry");
    assertEquals("EC2_LINUX", entry.get("Type"));
    assertTrue(entry.get("PrincipalArn") instanceof Map, "the node role's ARN");
  }

  @ParameterizedTest
  @EnumSource(EnvironmentProfile.class)
  void interruptionsReachTheQueueFromEventBridge(EnvironmentProfile profile) {
    Template cluster = SynthesizedDeployment.of(profile).cluster();

    Map<String, Object> queue = Templates.single(cluster, "AWS::SQS::Queue");
    assertEquals(300, Templates.number(queue.get("MessageRetentionPeriod")));
    assertEquals(true, queue.get("SqsManagedSseEnabled"));
    Set<Object> detailTypes =
        Templates.properties(cluster, "AWS::Events::Rule").stream()
            .map(rule -> Templates.list(Templates.at(rule, "EventPattern", "detail-type")).get(0))
            .collect(Collectors.toSet());
    assertEquals(
        Set.of(
            "AWS Health Event",
            "EC2 Spot Instance Interruption Warning",
            "EC2 Instance Rebalance Recommendation",
            "EC2 Instance State-change Notification"),
        detailTypes);
    cluster.resourceCountIs("AWS::SQS::QueuePolicy", 1);
  }

  @ParameterizedTest
  @EnumSource(EnvironmentProfile.class)
  void chartComesFromKarpentersRegistryPinned(EnvironmentProfile profile) {
    Template cluster = SynthesizedDeployment.of(profile).cluster();

    Map<String, Object> chart =
        Templates.properties(cluster, "Custom::AWSCDK-EKS-HelmChart").stream()
            .filter(c -> "karpenter".equals(c.get("Chart")))
            .findFirst()
            .orElseThrow();
    assertEquals("oci://public.ecr.aws/karpenter/karpenter", chart.get("Repository"));
    assertEquals(NodeAutoscaling.KARPENTER_CHART_VERSION, chart.get("Version"));
    assertEquals("kube-system", chart.get("Namespace"));
  }

  @ParameterizedTest
  @EnumSource(EnvironmentProfile.class)
  void privateSubnetsCarryTheDiscoveryTag(EnvironmentProfile profile) {
    SynthesizedDeployment synthesized = SynthesizedDeployment.of(profile);

    List<Map<String, Object>> tagged =
        Templates.properties(synthesized.network(), "AWS::EC2::Subnet").stream()
            .filter(s -> synthesized.deployment.prefix().equals(discovery(s)))
            .toList();
    assertEquals(NetworkStack.ZONES, tagged.size(), "one private subnet per zone");
  }

  static Object discovery(Map<String, Object> properties) {
    return Templates.tags(properties).get(NodeAutoscaling.DISCOVERY_TAG);
  }
}
