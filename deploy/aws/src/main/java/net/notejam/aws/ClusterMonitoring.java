package net.notejam.aws;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awscdk.services.eks.Cluster;
import software.amazon.awscdk.services.eks.HelmChart;
import software.amazon.awscdk.services.eks.HelmChartOptions;

/**
 * What the cluster's monitoring is told: the kube-prometheus-stack values (what Prometheus picks up
 * and keeps, which AlertmanagerConfigs route the alerts, Grafana's admin from the secret store) and
 * the blackbox exporter that probes the public sign-in page (deploy/monitoring/probe.yaml).
 */
public final class ClusterMonitoring {

  public static final String NAMESPACE = "monitoring";

  public static final String BLACKBOX_EXPORTER_CHART_VERSION = "11.4.0";

  /**
   * The release, and so the Service, of the blackbox exporter: deploy/monitoring/probe.yaml's
   * prober URL names it.
   */
  public static final String BLACKBOX_EXPORTER_RELEASE = "prometheus-blackbox-exporter";

  /** deploy/base/cluster-scoped: encrypted gp3, kept when the claim is deleted. */
  public static final String PROMETHEUS_STORAGE_CLASS = "notejam-gp3-encrypted";

  /** Room for the retention below at a few thousand series, with headroom before it is full. */
  public static final String PROMETHEUS_VOLUME_SIZE = "50Gi";

  /** Long enough to see the 3-day window of the slow burn-rate alerts and a week of context. */
  public static final String PROMETHEUS_RETENTION = "15d";

  /** Below the volume, so that Prometheus drops old blocks before the volume is full. */
  public static final String PROMETHEUS_RETENTION_SIZE = "45GB";

  /**
   * The Secret Grafana takes its admin from, in {@link #NAMESPACE}: the ExternalSecret of
   * deploy/platform/monitoring fills it from Secrets Manager's notejam/&lt;env&gt;/grafana-admin.
   */
  public static final String GRAFANA_ADMIN_SECRET = "grafana-admin";

  public static final String GRAFANA_ADMIN_USER_KEY = "admin-user";
  public static final String GRAFANA_ADMIN_PASSWORD_KEY = "admin-password";

  /**
   * The label AlertmanagerConfigs need to be picked up (deploy/monitoring/alertmanager-config.yaml
   * has it), as the stack's own selectors use.
   */
  public static final Map<String, String> RELEASE_LABEL =
      Map.of("release", "kube-prometheus-stack");

  private ClusterMonitoring() {}

  /**
   * The kube-prometheus-stack values for the environment's cluster. Sorted at every level: Map.of's
   * order changes with every JVM, and with it the synthesized template, so every synth would look
   * like a change.
   */
  public static Map<String, Object> kubePrometheusStackValues(Deployment deployment) {
    return sorted(
        Map.of(
            "prometheus",
            Map.of(
                "prometheusSpec",
                Map.of(
                    // ServiceMonitors, PodMonitors, Probes and rules from every namespace, not
                    // only the release's: Notejam and its database ship their own.
                    "serviceMonitorSelectorNilUsesHelmValues",
                    false,
                    "podMonitorSelectorNilUsesHelmValues",
                    false,
                    "probeSelectorNilUsesHelmValues",
                    false,
                    "ruleSelectorNilUsesHelmValues",
                    false,
                    "retention",
                    PROMETHEUS_RETENTION,
                    "retentionSize",
                    PROMETHEUS_RETENTION_SIZE,
                    // On a volume: a restarted Prometheus keeps its data, and with it the
                    // burn-rate windows of up to 3 days.
                    "storageSpec",
                    Map.of(
                        "volumeClaimTemplate",
                        Map.of(
                            "spec",
                            Map.of(
                                "storageClassName", PROMETHEUS_STORAGE_CLASS,
                                "accessModes", List.of("ReadWriteOnce"),
                                "resources",
                                    Map.of(
                                        "requests", Map.of("storage", PROMETHEUS_VOLUME_SIZE))))))),
            "alertmanager",
            Map.of(
                "alertmanagerSpec",
                Map.of(
                    // The environment's AlertmanagerConfig lives in its app namespace.
                    "alertmanagerConfigSelector", Map.of("matchLabels", RELEASE_LABEL),
                    "alertmanagerConfigNamespaceSelector",
                        Map.of(
                            "matchLabels",
                            Map.of(
                                "kubernetes.io/metadata.name", ClusterStack.namespace(deployment))),
                    // Each AlertmanagerConfig only gets the alerts of its own namespace.
                    "alertmanagerConfigMatcherStrategy", Map.of("type", "OnNamespace"))),
            "grafana",
            Map.of(
                "admin",
                Map.of(
                    "existingSecret", GRAFANA_ADMIN_SECRET,
                    "userKey", GRAFANA_ADMIN_USER_KEY,
                    "passwordKey", GRAFANA_ADMIN_PASSWORD_KEY))));
  }

  /** The blackbox exporter, with the chart's default modules (http_2xx among them). */
  public static HelmChart addBlackboxExporter(Cluster cluster) {
    return cluster.addHelmChart(
        "BlackboxExporter",
        HelmChartOptions.builder()
            .repository("https://prometheus-community.github.io/helm-charts")
            .chart("prometheus-blackbox-exporter")
            .version(BLACKBOX_EXPORTER_CHART_VERSION)
            .release(BLACKBOX_EXPORTER_RELEASE)
            .namespace(NAMESPACE)
            .createNamespace(true)
            .values(
                sorted(
                    Map.of(
                        "resources",
                        Map.of(
                            "requests", Map.of("cpu", "10m", "memory", "32Mi"),
                            "limits", Map.of("memory", "64Mi")))))
            .build());
  }

  /** A copy of {@code values} with every map in it a TreeMap. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> sorted(Map<String, ?> values) {
    Map<String, Object> sorted = new TreeMap<>();
    values.forEach(
        (key, value) ->
            sorted.put(key, value instanceof Map<?, ?> map ? sorted((Map<String, ?>) map) : value));
    return sorted;
  }
}
