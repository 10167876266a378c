package net.notejam.aws;

import java.util.Map;

/**
 * How many nodes the node groups need, from what the pods request.
 *
 * <p>Baseline load: 3 Notejam pods (one per zone) and the PostgreSQL instances of the profile.
 * Prod's node groups must hold 4x that baseline, plus the platform (monitoring, operators,
 * controllers), even with one zone lost. CPU is the binding resource: memory needs about half of
 * the nodes CPU needs. The numbers are requests, kept in step with the Kustomize manifests.
 *
 * <pre>
 * prod baseline  = 3 x 500m + 3 x 1000m            =  4 500m
 * 4x baseline    = 18 000m, + platform 2 000m      = 20 000m
 * m6i.xlarge     = 3 920m allocatable - 400m daemon sets = 3 520m usable
 * nodes needed   = ceil(20 000 / 3 520)            = 6
 * prod maximum   = 4 per zone x 3 zones = 12; with a zone lost 8 >= 6
 * </pre>
 */
public final class CapacityPlan {
  /** Notejam pods at baseline: one per zone. */
  public static final int BASELINE_APP_PODS = 3;

  /** Peak to plan for: 4x the baseline. */
  public static final int PEAK_FACTOR = 4;

  /** CPU request of one Notejam (Open Liberty) pod. */
  public static final int APP_POD_MILLICORES = 500;

  /** CPU request of one PostgreSQL instance. */
  public static final int DATABASE_POD_MILLICORES = 1000;

  /**
   * Cluster-wide platform pods: kube-prometheus-stack, CloudNativePG operator, Load Balancer
   * Controller, CoreDNS, snapshot controller, EBS CSI controller.
   */
  public static final int PLATFORM_MILLICORES = 2000;

  /** Per-node daemon sets: aws-node, kube-proxy, EBS CSI node, node exporter, pod identity. */
  public static final int DAEMON_SET_MILLICORES_PER_NODE = 400;

  /** Allocatable CPU after the EKS AMI's kube-reserved share. */
  private static final Map<String, Integer> ALLOCATABLE_MILLICORES =
      Map.of("m6i.large", 1930, "m6i.xlarge", 3920, "m6i.2xlarge", 7910);

  private CapacityPlan() {}

  /** CPU the baseline workload of a profile requests. */
  public static int baselineMillicores(EnvironmentProfile profile) {
    return BASELINE_APP_PODS * APP_POD_MILLICORES
        + profile.settings().databaseInstances() * DATABASE_POD_MILLICORES;
  }

  /** CPU the node groups must offer to run {@code factor} times the baseline. */
  public static int requiredMillicores(EnvironmentProfile profile, int factor) {
    return factor * baselineMillicores(profile) + PLATFORM_MILLICORES;
  }

  /** CPU one node of this instance type offers to Notejam and the platform. */
  public static int usableMillicores(String instanceType) {
    Integer allocatable = ALLOCATABLE_MILLICORES.get(instanceType);
    if (allocatable == null) {
      throw new IllegalArgumentException("No capacity figures for " + instanceType);
    }
    return allocatable - DAEMON_SET_MILLICORES_PER_NODE;
  }
}
