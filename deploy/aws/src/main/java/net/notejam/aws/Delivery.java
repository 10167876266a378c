package net.notejam.aws;

import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.eks.Cluster;
import software.amazon.awscdk.services.eks.HelmChart;
import software.amazon.awscdk.services.eks.HelmChartOptions;
import software.constructs.Construct;

/**
 * Continuous delivery in the cluster: Argo CD, which applies deploy/overlays/&lt;env&gt; from git
 * (deploy/delivery/&lt;env&gt; holds its AppProject and ApplicationSet), and Argo Rollouts, which
 * releases the app as a canary and rolls it back when its analysis fails
 * (deploy/components/progressive-delivery). Both charts bring their CRDs.
 */
final class Delivery extends Construct {
  static final String ARGO_HELM_REPOSITORY = "https://argoproj.github.io/argo-helm";

  static final String ARGO_CD_CHART_VERSION = "10.1.1"; // Argo CD v3.4.4
  static final String ARGO_CD_NAMESPACE = "argocd";

  static final String ARGO_ROLLOUTS_CHART_VERSION = "2.41.0"; // Argo Rollouts v1.9.0
  static final String ARGO_ROLLOUTS_NAMESPACE = "argo-rollouts";

  private final HelmChart argoCd;
  private final HelmChart argoRollouts;

  Delivery(Construct scope, Cluster cluster) {
    super(scope, "Delivery");
    this.argoCd = chart(cluster, "ArgoCd", "argo-cd", ARGO_CD_CHART_VERSION, ARGO_CD_NAMESPACE);
    this.argoRollouts =
        chart(
            cluster,
            "ArgoRollouts",
            "argo-rollouts",
            ARGO_ROLLOUTS_CHART_VERSION,
            ARGO_ROLLOUTS_NAMESPACE);
  }

  /** A chart of the Argo project's repository, released under its own name. */
  private static HelmChart chart(
      Cluster cluster, String id, String name, String version, String namespace) {
    return cluster.addHelmChart(
        id,
        HelmChartOptions.builder()
            .repository(ARGO_HELM_REPOSITORY)
            .chart(name)
            .version(version)
            .release(name)
            .namespace(namespace)
            .createNamespace(true)
            .wait(true)
            // CRDs and several controllers: longer than the 5-minute default.
            .timeout(Duration.minutes(10))
            .build());
  }

  /** Both charts: what must wait for nodes to schedule on. */
  List<HelmChart> charts() {
    return List.of(argoCd, argoRollouts);
  }
}
