package net.notejam.aws;

import java.util.List;
import software.amazon.awscdk.services.eks.CfnAddon;
import software.amazon.awscdk.services.eks.Cluster;
import software.amazon.awscdk.services.eks.HelmChart;
import software.amazon.awscdk.services.eks.HelmChartOptions;
import software.constructs.Construct;

/**
 * KEDA, which scales Notejam through the ScaledObject of deploy/components/scheduled-scaling: on
 * CPU, and ahead of business hours and declared events by cron. Its CPU trigger, like any HPA,
 * reads the pods' usage from metrics-server, which EKS does not run by default: the EKS add-on
 * brings it.
 */
final class PodAutoscaling extends Construct {
  /** KEDA 2.21 is tested on Kubernetes 1.34 to 1.36; its CRDs come with the chart. */
  static final String KEDA_CHART_VERSION = "2.21.1";

  static final String NAMESPACE = "keda";

  private final HelmChart chart;
  private final CfnAddon metricsServer;

  PodAutoscaling(Construct scope, Cluster cluster) {
    super(scope, "PodAutoscaling");
    this.metricsServer =
        CfnAddon.Builder.create(this, "MetricsServer")
            .clusterName(cluster.getClusterName())
            .addonName("metrics-server")
            // The default version of the add-on for the pinned Kubernetes version.
            .resolveConflicts("OVERWRITE")
            .build();
    this.chart =
        cluster.addHelmChart(
            "Keda",
            HelmChartOptions.builder()
                .repository("https://kedacore.github.io/charts")
                .chart("keda")
                .version(KEDA_CHART_VERSION)
                .release("keda")
                .namespace(NAMESPACE)
                .createNamespace(true)
                .wait(true)
                .build());
  }

  /** What schedules pods: the add-on and the chart, which wait for the system node groups. */
  List<Construct> workloads() {
    return List.of(metricsServer, chart);
  }

  HelmChart chart() {
    return chart;
  }

  CfnAddon metricsServer() {
    return metricsServer;
  }
}
