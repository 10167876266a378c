package net.notejam.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awscdk.assertions.Template;

/** Argo CD and Argo Rollouts: pinned charts of the Argo project, in their namespaces. */
class DeliveryTest {

  /** A chart as it must be installed: released under its name, in its namespace, pinned. */
  record Expected(String chart, String version, String namespace) {}

  static final List<Expected> CHARTS =
      List.of(
          new Expected("argo-cd", "10.1.1", "argocd"),
          new Expected("argo-rollouts", "2.41.0", "argo-rollouts"));

  @ParameterizedTest
  @EnumSource(EnvironmentProfile.class)
  void argoCdAndArgoRolloutsArePinnedChartsInTheirNamespaces(EnvironmentProfile profile) {
    Template cluster = SynthesizedDeployment.of(profile).cluster();

    for (Expected expected : CHARTS) {
      Map<String, Object> chart = chart(cluster, expected.chart());
      assertEquals("https://argoproj.github.io/argo-helm", chart.get("Repository"));
      assertEquals(expected.version(), chart.get("Version"), expected.chart());
      assertEquals(expected.namespace(), chart.get("Namespace"), expected.chart());
      assertEquals(expected.chart(), chart.get("Release"));
      assertEquals(true, chart.get("CreateNamespace"), expected.chart());
      assertEquals(true, chart.get("Wait"), expected.chart());
    }
  }

  /** Their controllers need nodes: each chart waits for every system node group. */
  @ParameterizedTest
  @EnumSource(EnvironmentProfile.class)
  void bothChartsWaitForEveryNodeGroup(EnvironmentProfile profile) {
    Template cluster = SynthesizedDeployment.of(profile).cluster();
    Set<String> nodeGroups = Templates.resources(cluster, "AWS::EKS::Nodegroup").keySet();
    assertEquals(NetworkStack.ZONES, nodeGroups.size());

    for (String name : CHARTS.stream().map(Expected::chart).toList()) {
      Map<String, Object> resource =
          Templates.resources(cluster, "Custom::AWSCDK-EKS-HelmChart").values().stream()
              .filter(r -> name.equals(Templates.map(r.get("Properties")).get("Chart")))
              .findFirst()
              .orElseThrow();
      Set<Object> dependsOn =
          Templates.list(resource.getOrDefault("DependsOn", List.of())).stream()
              .collect(Collectors.toSet());
      assertTrue(dependsOn.containsAll(nodeGroups), name + " depends on " + dependsOn);
    }
  }

  private static Map<String, Object> chart(Template cluster, String name) {
    List<Map<String, Object>> charts =
        Templates.properties(cluster, "Custom::AWSCDK-EKS-HelmChart").stream()
            .filter(c -> name.equals(c.get("Chart")))
            .toList();
    assertEquals(1, charts.size(), "one " + name + " chart");
    return charts.get(0);
  }
}
