package net.notejam.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class ClusterTest {

  @ParameterizedTest
  @EnumSource(EnvironmentProfile.class)
  void nodeGroupsCoverEveryZone(EnvironmentProfile profile) {
    SynthesizedDeployment synthesized = SynthesizedDeployment.of(profile);

    List<NodeGroup> groups = nodeGroups(synthesized);
    Set<String> zones = groups.stream().map(NodeGroup::zone).collect(Collectors.toSet());
    assertEquals(Set.of("eu-west-1a", "eu-west-1b", "eu-west-1c"), zones);
    assertEquals(NetworkStack.ZONES, groups.size(), "one node group per zone");
  }

  @ParameterizedTest
  @EnumSource(EnvironmentProfile.class)
  void everyChartWaitsForEveryNodeGroup(EnvironmentProfile profile) {
    Template cluster = SynthesizedDeployment.of(profile).cluster();
    Set<String> nodeGroups = Templates.resources(cluster, "AWS::EKS::Nodegroup").keySet();
    assertEquals(NetworkStack.ZONES, nodeGroups.size());
    Map<String, Map<String, Object>> charts =
        Templates.resources(cluster, "Custom::AWSCDK-EKS-HelmChart");
    assertTrue(charts.size() >= 9, "the platform's charts: " + charts.keySet());
    charts.forEach(
        (id, chart) ->
            assertTrue(
                Templates.list(chart.get("DependsOn")).containsAll(nodeGroups),
                id + " waits for " + nodeGroups));
  }

  // The 4x peak with a zone lost is Karpenter's pool's to hold: CapacityAgreementTest.

  @ParameterizedTest
  @EnumSource(EnvironmentProfile.class)
  void systemNodeGroupsHoldTheSystemPodsWithAZoneLost(EnvironmentProfile profile) {
    List<NodeGroup> groups = new ArrayList<>(nodeGroups(SynthesizedDeployment.of(profile)));
    groups.remove(groups.stream().max(Comparator.comparingInt(NodeGroup::minMillicores)).get());

    int minimum = groups.stream().mapToInt(NodeGroup::minMillicores).sum();
    assertTrue(minimum >= CapacityPlan.SYSTEM_MILLICORES, () -> minimum + "m");
  }

  @ParameterizedTest
  @EnumSource(EnvironmentProfile.class)
  void systemNodesRequireImdsV2WithOneHop(EnvironmentProfile profile) {
    Template cluster = SynthesizedDeployment.of(profile).cluster();

    Map<String, Object> template =
        Templates.map(
            Templates.single(cluster, "AWS::EC2::LaunchTemplate").get("LaunchTemplateData"));
    Map<String, Object> metadata = Templates.map(template.get("MetadataOptions"));
    assertEquals("required", metadata.get("HttpTokens"));
    assertEquals(1, Templates.number(metadata.get("HttpPutResponseHopLimit")));
    for (Map<String, Object> group : Templates.properties(cluster, "AWS::EKS::Nodegroup")) {
      assertTrue(group.get("LaunchTemplate") instanceof Map, "every node group uses it");
      assertTrue(group.get("DiskSize") == null, "the disk is the template's");
    }
  }

  @ParameterizedTest
  @EnumSource(EnvironmentProfile.class)
  void kubernetesVersionIsPinnedAndSecretsAreEncryptedWithKms(EnvironmentProfile profile) {
    Template cluster = SynthesizedDeployment.of(profile).cluster();

    Map<String, Object> config =
        Templates.map(Templates.single(cluster, "Custom::AWSCDK-EKS-Cluster").get("Config"));
    assertEquals("1.35", config.get("version"));
    Map<String, Object> encryption =
        Templates.map(Templates.list(config.get("encryptionConfig")).get(0));
    assertEquals(List.of("secrets"), encryption.get("resources"));
    assertTrue(Templates.at(encryption, "provider", "keyArn") instanceof Map);
    // The secrets key, and the container logs' key (LogShippingTest).
    cluster.resourceCountIs("AWS::KMS::Key", 2);
  }

  @ParameterizedTest
  @EnumSource(EnvironmentProfile.class)
  void storageAndSnapshotAddOnsAreInstalled(EnvironmentProfile profile) {
    Template cluster = SynthesizedDeployment.of(profile).cluster();

    Set<Object> addons =
        Templates.properties(cluster, "AWS::EKS::Addon").stream()
            .map(addon -> addon.get("AddonName"))
            .collect(Collectors.toSet());
    assertEquals(
        Set.of(
            "aws-ebs-csi-driver",
            "snapshot-controller",
            "eks-pod-identity-agent",
            "vpc-cni",
            "metrics-server",
            "amazon-cloudwatch-observability"),
        addons);
    cluster.hasResourceProperties(
        "AWS::EKS::Addon",
        Map.of(
            "AddonName",
            "aws-ebs-csi-driver",
            "PodIdentityAssociations",
            List.of(Match.objectLike(Map.of("ServiceAccount", "ebs-csi-controller-sa")))));
  }

  @ParameterizedTest
  @EnumSource(EnvironmentProfile.class)
  void helmChartsArePinnedByVersion(EnvironmentProfile profile) {
    Template cluster = SynthesizedDeployment.of(profile).cluster();

    Map<Object, Object> versions =
        Templates.properties(cluster, "Custom::AWSCDK-EKS-HelmChart").stream()
            .collect(Collectors.toMap(chart -> chart.get("Chart"), chart -> chart.get("Version")));
    assertEquals(
        Map.of(
            "aws-load-balancer-controller", "1.13.3",
            "karpenter", NodeAutoscaling.KARPENTER_CHART_VERSION,
            "keda", PodAutoscaling.KEDA_CHART_VERSION,
            "cloudnative-pg", ClusterStack.CLOUDNATIVE_PG_CHART_VERSION,
            "kube-prometheus-stack", ClusterStack.KUBE_PROMETHEUS_STACK_CHART_VERSION,
            "prometheus-blackbox-exporter", ClusterMonitoring.BLACKBOX_EXPORTER_CHART_VERSION,
            "argo-cd", Delivery.ARGO_CD_CHART_VERSION,
            "argo-rollouts", Delivery.ARGO_ROLLOUTS_CHART_VERSION,
            "external-secrets", SecretStore.CHART_VERSION),
        versions);
  }

  @ParameterizedTest
  @EnumSource(EnvironmentProfile.class)
  void logicalBackupJobGetsItsRoleThroughPodIdentity(EnvironmentProfile profile) {
    Template cluster = SynthesizedDeployment.of(profile).cluster();

    cluster.hasResourceProperties(
        "AWS::EKS::PodIdentityAssociation",
        Map.of(
            "Namespace",
            "notejam-" + profile.id(),
            "ServiceAccount",
            ClusterStack.BACKUP_SERVICE_ACCOUNT));
  }

  /** A node group as synthesized, with the zone of its subnet looked up in the network stack. */
  record NodeGroup(String zone, String instanceType, int min, int max) {
    int nodeMillicores() {
      return CapacityPlan.usableMillicores(instanceType);
    }

    int minMillicores() {
      return min * nodeMillicores();
    }
  }

  static List<NodeGroup> nodeGroups(SynthesizedDeployment synthesized) {
    Map<String, String> zoneByExport = subnetZonesByExportName(synthesized.network());
    List<NodeGroup> groups = new ArrayList<>();
    for (Map<String, Object> group :
        Templates.properties(synthesized.cluster(), "AWS::EKS::Nodegroup")) {
      List<Object> subnets = Templates.list(group.get("Subnets"));
      assertEquals(1, subnets.size(), "a node group lives in one zone's subnet");
      String export = (String) Templates.at(Templates.map(subnets.get(0)), "Fn::ImportValue");
      groups.add(
          new NodeGroup(
              zoneByExport.get(export),
              (String) Templates.list(group.get("InstanceTypes")).get(0),
              Templates.number(Templates.at(group, "ScalingConfig", "MinSize")),
              Templates.number(Templates.at(group, "ScalingConfig", "MaxSize"))));
    }
    return groups;
  }

  /** Export name of each subnet id output of the network stack, mapped to the subnet's zone. */
  private static Map<String, String> subnetZonesByExportName(Template network) {
    Map<String, Map<String, Object>> subnets = Templates.resources(network, "AWS::EC2::Subnet");
    Map<String, Object> outputs = Templates.map(network.toJSON().get("Outputs"));
    return outputs.values().stream()
        .map(Templates::map)
        .filter(
            output -> output.get("Value") instanceof Map<?, ?> value && value.containsKey("Ref"))
        .filter(output -> subnets.containsKey(Templates.at(output, "Value", "Ref")))
        .collect(
            Collectors.toMap(
                output -> (String) Templates.at(output, "Export", "Name"),
                output ->
                    (String)
                        Templates.at(
                            subnets.get((String) Templates.at(output, "Value", "Ref")),
                            "Properties",
                            "AvailabilityZone")));
  }
}
