package net.notejam.aws;

import java.util.Map;

/**
 * How much node capacity Karpenter's pool and the system node groups need, from what the pods
 * request.
 *
 * <p>The peak is the app at its autoscaler's maximum, which the prod overlay sets to 4x the
 * baseline (12 = 4 x 3 pods, one per zone): the maximum rather than "4x baseline" because it is
 * what the autoscaler will actually ask the cluster for. The database does not grow with traffic:
 * its instances count once. CPU is the binding resource (memory needs about a third of the nodes
 * CPU needs). CapacityAgreementTest reads every input from the rendered prod overlay and
 * deploy/platform/prod and fails when {@link #PROD_PEAK} differs from them or does not fit.
 *
 * <pre>
 * prod peak         = 12 app pods x 1000m + 3 database instances x 1000m = 15 000m
 *                     + platform 2 000m                                   = 17 000m
 * m6i.xlarge        = 3 920m allocatable - 400m daemon sets = 3 520m usable -> 5 nodes
 * m6i.2xlarge       = 7 910m allocatable - 400m daemon sets = 7 510m usable -> 3 nodes
 * one zone lost     = its nodes (a third, rounded up) still count against the pool's limit
 *                     until Karpenter removes them, and the other two zones must hold all 17 000m:
 *                     xlarge (5 + 2) x 4 vCPU = 28 vCPU, 2xlarge (3 + 1) x 8 vCPU = 32 vCPU
 * prod pool limit   = 32 vCPU
 * </pre>
 */
public final class CapacityPlan {
  /** Peak to plan for: 4x the baseline. */
  public static final int PEAK_FACTOR = 4;

  /** Zones the pool spreads over; one of them may be lost. */
  public static final int ZONES = 3;

  /**
   * Cluster-wide platform pods: kube-prometheus-stack, CloudNativePG operator, KEDA, snapshot
   * controller, EBS CSI controller. They may land on the pool's nodes, so the pool makes room.
   */
  public static final int PLATFORM_MILLICORES = 2000;

  /**
   * Pods that must not run on nodes Karpenter removes: Karpenter's two controllers, CoreDNS, the
   * load balancer controller. The managed node groups hold them.
   */
  public static final int SYSTEM_MILLICORES = 1000;

  /** Per-node daemon sets: aws-node, kube-proxy, EBS CSI node, node exporter, pod identity. */
  public static final int DAEMON_SET_MILLICORES_PER_NODE = 400;

  /** Prod at its peak, as the prod overlay requests it (checked by CapacityAgreementTest). */
  public static final Workload PROD_PEAK = new Workload(12, 1000, 3, 1000);

  /** CPU of each instance type, and what is allocatable after the EKS AMI's kube-reserved. */
  private static final Map<String, Integer> CAPACITY_MILLICORES =
      Map.of("m6i.large", 2000, "m6i.xlarge", 4000, "m6i.2xlarge", 8000);

  private static final Map<String, Integer> ALLOCATABLE_MILLICORES =
      Map.of("m6i.large", 1930, "m6i.xlarge", 3920, "m6i.2xlarge", 7910);

  private CapacityPlan() {}

  /**
   * What runs on the pool at a peak.
   *
   * @param appPods Notejam pods at the autoscaler's maximum
   * @param appPodMillicores CPU request of one Notejam pod
   * @param databaseInstances CloudNativePG instances (primary + standbys), not scaled by the peak
   * @param databasePodMillicores CPU request of one instance
   */
  public record Workload(
      int appPods, int appPodMillicores, int databaseInstances, int databasePodMillicores) {

    /** CPU the pool's nodes must offer: app, database and platform. */
    public int requiredMillicores() {
      return appPods * appPodMillicores
          + databaseInstances * databasePodMillicores
          + PLATFORM_MILLICORES;
    }

    /** Nodes of {@code instanceType} that hold the workload. */
    public int nodes(String instanceType) {
      return ceilDiv(requiredMillicores(), usableMillicores(instanceType));
    }

    /**
     * The pool CPU limit (in millicores) needed to run the workload on nodes of {@code
     * instanceType} in the two zones left after one is lost, while the lost zone's nodes still
     * count against the limit.
     */
    public int poolMillicoresWithAZoneLost(String instanceType) {
      int nodes = nodes(instanceType);
      return (nodes + ceilDiv(nodes, ZONES)) * capacityMillicores(instanceType);
    }
  }

  /** CPU one node of this instance type offers to pods once its daemon sets run. */
  public static int usableMillicores(String instanceType) {
    return figure(ALLOCATABLE_MILLICORES, instanceType) - DAEMON_SET_MILLICORES_PER_NODE;
  }

  /** The instance type's CPU, which Karpenter counts against a pool's limit. */
  public static int capacityMillicores(String instanceType) {
    return figure(CAPACITY_MILLICORES, instanceType);
  }

  private static int figure(Map<String, Integer> figures, String instanceType) {
    Integer value = figures.get(instanceType);
    if (value == null) {
      throw new IllegalArgumentException("No capacity figures for " + instanceType);
    }
    return value;
  }

  private static int ceilDiv(int dividend, int divisor) {
    return (dividend + divisor - 1) / divisor;
  }
}
