package net.notejam.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awscdk.assertions.Template;

/** What the synthesized cluster tells its monitoring charts. */
class ClusterMonitoringTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest
  @EnumSource(EnvironmentProfile.class)
  void prometheusKeepsItsDataOnAnEncryptedVolumeForTheRetention(EnvironmentProfile profile) {
    JsonNode spec = values(profile, "kube-prometheus-stack").at("/prometheus/prometheusSpec");

    JsonNode claim = spec.at("/storageSpec/volumeClaimTemplate/spec");
    assertEquals("notejam-gp3-encrypted", claim.path("storageClassName").asText());
    assertEquals("ReadWriteOnce", claim.at("/accessModes/0").asText());
    assertEquals("50Gi", claim.at("/resources/requests/storage").asText());
    assertEquals("15d", spec.path("retention").asText());
    assertEquals("45GB", spec.path("retentionSize").asText());
  }

  @ParameterizedTest
  @EnumSource(EnvironmentProfile.class)
  void prometheusPicksUpMonitorsProbesAndRulesFromEveryNamespace(EnvironmentProfile profile) {
    JsonNode spec = values(profile, "kube-prometheus-stack").at("/prometheus/prometheusSpec");

    for (String kind : List.of("serviceMonitor", "podMonitor", "probe", "rule")) {
      JsonNode nilUsesHelmValues = spec.path(kind + "SelectorNilUsesHelmValues");
      assertFalse(nilUsesHelmValues.isMissingNode(), kind);
      assertFalse(nilUsesHelmValues.asBoolean(), kind);
    }
  }

  @ParameterizedTest
  @EnumSource(EnvironmentProfile.class)
  void alertmanagerTakesTheAppNamespacesConfigForItsOwnAlertsOnly(EnvironmentProfile profile) {
    JsonNode spec = values(profile, "kube-prometheus-stack").at("/alertmanager/alertmanagerSpec");

    assertEquals(
        "notejam-" + profile.id(),
        spec.at("/alertmanagerConfigNamespaceSelector/matchLabels")
            .path("kubernetes.io/metadata.name")
            .asText());
    assertEquals(
        "kube-prometheus-stack",
        spec.at("/alertmanagerConfigSelector/matchLabels/release").asText());
    assertEquals("OnNamespace", spec.at("/alertmanagerConfigMatcherStrategy/type").asText());
  }

  @ParameterizedTest
  @EnumSource(EnvironmentProfile.class)
  void grafanaTakesItsAdminFromASecretNotTheChartsDefault(EnvironmentProfile profile) {
    JsonNode admin = values(profile, "kube-prometheus-stack").at("/grafana/admin");

    assertEquals(
        Map.of(
            "existingSecret", "grafana-admin",
            "userKey", "admin-user",
            "passwordKey", "admin-password"),
        JSON.convertValue(admin, Map.class));
    assertFalse(values(profile, "kube-prometheus-stack").at("/grafana").has("adminPassword"));
  }

  @ParameterizedTest
  @EnumSource(EnvironmentProfile.class)
  void blackboxExporterRunsPinnedInTheMonitoringNamespace(EnvironmentProfile profile) {
    Map<String, Object> chart = chart(profile, "prometheus-blackbox-exporter");

    assertEquals("https://prometheus-community.github.io/helm-charts", chart.get("Repository"));
    assertEquals(ClusterMonitoring.BLACKBOX_EXPORTER_CHART_VERSION, chart.get("Version"));
    assertEquals("prometheus-blackbox-exporter", chart.get("Release"));
    assertEquals("monitoring", chart.get("Namespace"));
    assertEquals(
        "10m",
        values(profile, "prometheus-blackbox-exporter").at("/resources/requests/cpu").asText());
  }

  /** The values the chart is installed with, as synthesized (a JSON string). */
  static JsonNode values(EnvironmentProfile profile, String chart) {
    try {
      return JSON.readTree((String) chart(profile, chart).get("Values"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, Object> chart(EnvironmentProfile profile, String name) {
    Template cluster = SynthesizedDeployment.of(profile).cluster();
    return Templates.properties(cluster, "Custom::AWSCDK-EKS-HelmChart").stream()
        .filter(chart -> name.equals(chart.get("Chart")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no chart " + name));
  }
}
