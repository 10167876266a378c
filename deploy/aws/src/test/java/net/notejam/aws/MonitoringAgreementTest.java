package net.notejam.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Set;
import net.notejam.deploy.Manifests;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * deploy/ and the CDK app's monitoring name the same things: the blackbox exporter's Service, the
 * AlertmanagerConfig that Alertmanager selects, Prometheus's storage class and Grafana's admin
 * Secret.
 */
class MonitoringAgreementTest {

  @ParameterizedTest
  @EnumSource(EnvironmentProfile.class)
  void probeGoesThroughTheBlackboxExporterTheClusterRuns(EnvironmentProfile profile) {
    JsonNode probe = overlay(profile).custom("Probe", "notejam-signin");

    assertEquals(
        ClusterMonitoring.BLACKBOX_EXPORTER_RELEASE
            + "."
            + ClusterMonitoring.NAMESPACE
            + ".svc:9115",
        probe.at("/spec/prober/url").asText());
  }

  @ParameterizedTest
  @EnumSource(EnvironmentProfile.class)
  void alertmanagerSelectsTheEnvironmentsAlertmanagerConfig(EnvironmentProfile profile) {
    JsonNode config = overlay(profile).custom("AlertmanagerConfig", "notejam");
    JsonNode selectors =
        ClusterMonitoringTest.values(profile, "kube-prometheus-stack")
            .at("/alertmanager/alertmanagerSpec");

    selectors
        .at("/alertmanagerConfigSelector/matchLabels")
        .fields()
        .forEachRemaining(
            label ->
                assertEquals(
                    label.getValue().asText(),
                    config.at("/metadata/labels").path(label.getKey()).asText(),
                    label.getKey()));
    assertEquals(
        config.at("/metadata/namespace").asText(),
        selectors
            .at("/alertmanagerConfigNamespaceSelector/matchLabels")
            .path("kubernetes.io/metadata.name")
            .asText());
  }

  @ParameterizedTest
  @EnumSource(EnvironmentProfile.class)
  void prometheusVolumeUsesAStorageClassTheClusterHas(EnvironmentProfile profile) {
    Set<String> classes = new HashSet<>();
    Manifests.of("base/cluster-scoped")
        .customs("StorageClass")
        .forEach(c -> classes.add(c.at("/metadata/name").asText()));
    String wanted =
        ClusterMonitoringTest.values(profile, "kube-prometheus-stack")
            .at("/prometheus/prometheusSpec/storageSpec/volumeClaimTemplate/spec/storageClassName")
            .asText();

    assertTrue(classes.contains(wanted), wanted + " not among " + classes);
  }

  @ParameterizedTest
  @EnumSource(EnvironmentProfile.class)
  void grafanasAdminSecretIsFilledFromTheEnvironmentsSecret(EnvironmentProfile profile) {
    JsonNode admin =
        ClusterMonitoringTest.values(profile, "kube-prometheus-stack").at("/grafana/admin");
    JsonNode secret =
        Manifests.of("platform/" + profile.id()).custom("ExternalSecret", "grafana-admin");

    assertEquals(ClusterMonitoring.NAMESPACE, secret.at("/metadata/namespace").asText());
    assertEquals(admin.path("existingSecret").asText(), secret.at("/spec/target/name").asText());
    Set<String> keys = new HashSet<>();
    for (JsonNode data : secret.at("/spec/data")) {
      keys.add(data.path("secretKey").asText());
      assertEquals(
          "notejam/" + profile.id() + "/grafana-admin", data.at("/remoteRef/key").asText());
    }
    assertEquals(Set.of(admin.path("userKey").asText(), admin.path("passwordKey").asText()), keys);
    assertEquals("aws-secrets-manager", secret.at("/spec/secretStoreRef/name").asText());
  }

  private static Manifests overlay(EnvironmentProfile profile) {
    return Manifests.of("overlays/" + profile.id());
  }
}
