package net.notejam.aws;

import software.amazon.awscdk.services.eks.CfnAddon;

/**
 * Makes the cluster enforce NetworkPolicies: without an enforcer Kubernetes stores them and nothing
 * happens. The VPC CNI's network policy agent (a container of its aws-node DaemonSet, enabled by
 * the add-on's {@code enableNetworkPolicy}) compiles them into eBPF programs on each node. It
 * always admits traffic from the pod's own node, so the kubelet's probes need no rule. deploy/base
 * denies everything in the app's namespace and allows each flow by a policy of its own (README
 * "Network policies").
 */
final class NetworkPolicyEnforcement {
  /** The add-on's configuration values: a JSON string of the chart's values, quoted as strings. */
  static final String VPC_CNI_CONFIGURATION = "{\"enableNetworkPolicy\":\"true\"}";

  private NetworkPolicyEnforcement() {}

  /**
   * Turns enforcement on in the VPC CNI add-on. The add-on adopts the aws-node DaemonSet EKS
   * installs with every cluster (conflicts resolved by overwriting), so nodes keep their network.
   */
  static CfnAddon enforce(CfnAddon vpcCni) {
    vpcCni.setConfigurationValues(VPC_CNI_CONFIGURATION);
    return vpcCni;
  }
}
