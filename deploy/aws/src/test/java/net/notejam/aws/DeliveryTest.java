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

  @ParameterizedTest
  @EnumSource(EnvironmentProfile.class)
  void argoCdIsInstalledPinnedInItsNamespace(EnvironmentProfile profile) {
    Map<String, Object> chart = chart(SynthesizedDeployment.of(profile).cluster(), "argo-cd");

    assertEquals("https://argoproj.github.io/argo-helm", chart.get("Repository"));
    assertEquals("10.1.1", chart.get("Version"));
    assertEquals("argocd", chart.get("Namespace"));
    assertEquals("argo-cd", chart.get("Release"));
    assertEquals(true, chart.get("CreateNamespace"));
    assertEquals(true, chart.get("Wait"));
  }

  @ParameterizedTest
  @EnumSource(EnvironmentProfile.class)
  void argoRolloutsIsInstalledPinnedInItsNamespace(EnvironmentProfile profile) {
    Map<String, Object> chart = chart(SynthesizedDeployment.of(profile).cluster(), "argo-rollouts");

    assertEquals("https://argoproj.github.io/argo-helm", chart.get("Repository"));
    assertEquals("2.41.0", chart.get("Version"));
    assertEquals("argo-rollouts", chart.get("Namespace"));
    assertEquals("argo-rollouts", chart.get("Release"));
    assertEquals(true, chart.get("CreateNamespace"));
  }

  /** Their controllers need nodes: each chart waits for every system node group. */
  @ParameterizedTest
  @EnumSource(EnvironmentProfile.class)
  void bothChartsWaitForEveryNodeGroup(EnvironmentProfile profile) {
    Template cluster = SynthesizedDeployment.of(profile).cluster();
    Set<String> nodeGroups = Templates.resources(cluster, "AWS::EKS::Nodegroup").keySet();
    assertEquals(NetworkStack.ZONES, nodeGroups.size());

    for (String name : List.of("argo-cd", "argo-rollouts")) {
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
