package net.notejam.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awscdk.assertions.Template;

class PodAutoscalingTest {

  @ParameterizedTest
  @EnumSource(EnvironmentProfile.class)
  void kedaComesFromItsChartRepositoryPinnedIntoNamespaceKeda(EnvironmentProfile profile) {
    Map<String, Object> chart = keda(SynthesizedDeployment.of(profile).cluster()).getValue();
    Map<String, Object> properties = Templates.map(chart.get("Properties"));
    assertEquals("https://kedacore.github.io/charts", properties.get("Repository"));
    assertEquals(PodAutoscaling.KEDA_CHART_VERSION, properties.get("Version"));
    assertTrue(PodAutoscaling.KEDA_CHART_VERSION.matches("\\d+\\.\\d+\\.\\d+"), "pinned");
    assertEquals("keda", properties.get("Namespace"));
    assertEquals(true, properties.get("CreateNamespace"));
  }

  @ParameterizedTest
  @EnumSource(EnvironmentProfile.class)
  void metricsServerRunsForTheCpuTrigger(EnvironmentProfile profile) {
    Template cluster = SynthesizedDeployment.of(profile).cluster();
    long addons =
        Templates.properties(cluster, "AWS::EKS::Addon").stream()
            .filter(addon -> "metrics-server".equals(addon.get("AddonName")))
            .count();
    assertEquals(1, addons);
  }

  @ParameterizedTest
  @EnumSource(EnvironmentProfile.class)
  void kedaAndMetricsServerWaitForEveryNodeGroup(EnvironmentProfile profile) {
    Template cluster = SynthesizedDeployment.of(profile).cluster();
    Set<String> nodeGroups = Templates.resources(cluster, "AWS::EKS::Nodegroup").keySet();
    assertEquals(NetworkStack.ZONES, nodeGroups.size());
    Map.Entry<String, Map<String, Object>> metricsServer =
        Templates.resources(cluster, "AWS::EKS::Addon").entrySet().stream()
            .filter(
                e ->
                    "metrics-server"
                        .equals(Templates.map(e.getValue().get("Properties")).get("AddonName")))
            .findFirst()
            .orElseThrow();
    for (Map.Entry<String, Map<String, Object>> resource : List.of(keda(cluster), metricsServer)) {
      List<Object> dependsOn = Templates.list(resource.getValue().get("DependsOn"));
      assertTrue(dependsOn.containsAll(nodeGroups), resource.getKey() + " waits for " + nodeGroups);
    }
  }

  private static Map.Entry<String, Map<String, Object>> keda(Template cluster) {
    return Templates.resources(cluster, "Custom::AWSCDK-EKS-HelmChart").entrySet().stream()
        .filter(e -> "keda".equals(Templates.map(e.getValue().get("Properties")).get("Chart")))
        .findFirst()
        .orElseThrow();
  }
}
