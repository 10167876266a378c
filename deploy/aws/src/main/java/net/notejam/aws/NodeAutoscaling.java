package net.notejam.aws;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Tags;
import software.amazon.awscdk.services.ec2.ISubnet;
import software.amazon.awscdk.services.eks.CfnAccessEntry;
import software.amazon.awscdk.services.eks.CfnPodIdentityAssociation;
import software.amazon.awscdk.services.eks.Cluster;
import software.amazon.awscdk.services.eks.HelmChart;
import software.amazon.awscdk.services.eks.HelmChartOptions;
import software.amazon.awscdk.services.events.EventPattern;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.targets.SqsQueue;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.ManagedPolicy;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.iam.SessionTagsPrincipal;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

/**
 * Karpenter: launches the nodes of deploy/platform/&lt;env&gt;'s NodePool in all three zones and
 * removes them when they empty. Its controller runs on the managed node groups (the chart's
 * affinity keeps it off nodes it manages) and takes its role through EKS Pod Identity; spot and
 * maintenance notices reach it through an SQS queue fed by EventBridge.
 */
final class NodeAutoscaling extends Construct {
  /** Karpenter 1.8 supports Kubernetes 1.29 to 1.34; its CRDs come with the chart. */
  static final String KARPENTER_CHART_VERSION = "1.8.1";

  static final String NAMESPACE = "kube-system";
  static final String SERVICE_ACCOUNT = "karpenter";

  /** The tag by which the EC2NodeClass finds the cluster's private subnets. */
  static final String DISCOVERY_TAG = "karpenter.sh/discovery";

  private final Role nodeRole;
  private final Queue interruptions;
  private final HelmChart chart;

  NodeAutoscaling(Construct scope, Deployment deployment, Cluster cluster, NetworkStack network) {
    super(scope, "NodeAutoscaling");
    String clusterName = deployment.prefix();

    for (ISubnet subnet : network.vpc().getPrivateSubnets()) {
      Tags.of(subnet).add(DISCOVERY_TAG, clusterName);
    }

    // The role of the nodes Karpenter launches; deploy/platform/<env>/ec2nodeclass-cluster.yaml
    // names it.
    this.nodeRole =
        Role.Builder.create(this, "NodeRole")
            .roleName(nodeRoleName(deployment))
            .assumedBy(new ServicePrincipal("ec2.amazonaws.com"))
            .managedPolicies(
                List.of(
                    ManagedPolicy.fromAwsManagedPolicyName("AmazonEKSWorkerNodePolicy"),
                    ManagedPolicy.fromAwsManagedPolicyName("AmazonEKS_CNI_Policy"),
                    ManagedPolicy.fromAwsManagedPolicyName("AmazonEC2ContainerRegistryPullOnly"),
                    ManagedPolicy.fromAwsManagedPolicyName("AmazonSSMManagedInstanceCore")))
            .build();
    CfnAccessEntry.Builder.create(this, "NodeAccess")
        .clusterName(cluster.getClusterName())
        .principalArn(nodeRole.getRoleArn())
        .type("EC2_LINUX")
        .build();

    this.interruptions =
        Queue.Builder.create(this, "Interruptions")
            .queueName(clusterName + "-karpenter")
            .retentionPeriod(Duration.minutes(5))
            .encryption(QueueEncryption.SQS_MANAGED)
            .enforceSsl(true)
            .build();
    Map<String, EventPattern> events =
        Map.of(
            "HealthEvents",
            EventPattern.builder()
                .source(List.of("aws.health"))
                .detailType(List.of("AWS Health Event"))
                .build(),
            "SpotInterruptions",
            EventPattern.builder()
                .source(List.of("aws.ec2"))
                .detailType(List.of("EC2 Spot Instance Interruption Warning"))
                .build(),
            "RebalanceRecommendations",
            EventPattern.builder()
                .source(List.of("aws.ec2"))
                .detailType(List.of("EC2 Instance Rebalance Recommendation"))
                .build(),
            "InstanceStateChanges",
            EventPattern.builder()
                .source(List.of("aws.ec2"))
                .detailType(List.of("EC2 Instance State-change Notification"))
                .build());
    new TreeMap<>(events)
        .forEach(
            (id, pattern) ->
                Rule.Builder.create(this, id)
                    .eventPattern(pattern)
                    .targets(List.of(new SqsQueue(interruptions)))
                    .build());

    Role controllerRole =
        Role.Builder.create(this, "ControllerRole")
            .assumedBy(new SessionTagsPrincipal(new ServicePrincipal("pods.eks.amazonaws.com")))
            .build();
    controllerPolicy(clusterName).forEach(controllerRole::addToPolicy);
    interruptions.grantConsumeMessages(controllerRole);
    nodeRole.grantPassRole(controllerRole);
    CfnPodIdentityAssociation.Builder.create(this, "ControllerIdentity")
        .clusterName(cluster.getClusterName())
        .namespace(NAMESPACE)
        .serviceAccount(SERVICE_ACCOUNT)
        .roleArn(controllerRole.getRoleArn())
        .build();

    this.chart =
        cluster.addHelmChart(
            "Karpenter",
            HelmChartOptions.builder()
                .repository("oci://public.ecr.aws/karpenter/karpenter")
                .chart("karpenter")
                .version(KARPENTER_CHART_VERSION)
                .release("karpenter")
                .namespace(NAMESPACE)
                .values(
                    Map.of(
                        "serviceAccount",
                        Map.of("name", SERVICE_ACCOUNT),
                        "settings",
                        new TreeMap<>(
                            Map.of(
                                "clusterName",
                                clusterName,
                                "interruptionQueue",
                                interruptions.getQueueName())),
                        "controller",
                        Map.of(
                            "resources",
                            new TreeMap<>(
                                Map.of(
                                    "requests", Map.of("cpu", "250m", "memory", "512Mi"),
                                    "limits", Map.of("cpu", "1", "memory", "512Mi"))))))
                .wait(true)
                .build());
  }

  /** {@code notejam-prod-eu-west-1-karpenter-node}. */
  static String nodeRoleName(Deployment deployment) {
    return deployment.prefix() + "-karpenter-node";
  }

  /**
   * What the controller does in EC2, after Karpenter's reference policy: it launches only into this
   * cluster and terminates only the instances it tagged as its own.
   */
  private static List<PolicyStatement> controllerPolicy(String clusterName) {
    String owned = "aws:ResourceTag/kubernetes.io/cluster/" + clusterName;
    return List.of(
        statement(
            List.of(
                "ec2:RunInstances",
                "ec2:CreateFleet",
                "ec2:CreateLaunchTemplate",
                "ec2:CreateTags",
                "ec2:DescribeAvailabilityZones",
                "ec2:DescribeImages",
                "ec2:DescribeInstances",
                "ec2:DescribeInstanceTypeOfferings",
                "ec2:DescribeInstanceTypes",
                "ec2:DescribeLaunchTemplates",
                "ec2:DescribeSecurityGroups",
                "ec2:DescribeSpotPriceHistory",
                "ec2:DescribeSubnets",
                "ec2:DescribeCapacityReservations",
                "pricing:GetProducts",
                "ssm:GetParameter",
                "iam:GetInstanceProfile",
                "iam:CreateInstanceProfile",
                "iam:TagInstanceProfile",
                "iam:AddRoleToInstanceProfile",
                "iam:RemoveRoleFromInstanceProfile",
                "iam:DeleteInstanceProfile",
                "iam:ListInstanceProfiles"),
            null),
        statement(
            List.of("ec2:TerminateInstances", "ec2:DeleteLaunchTemplate"),
            Map.of("StringEquals", Map.of(owned, "owned"))),
        statement(List.of("eks:DescribeCluster"), null));
  }

  private static PolicyStatement statement(List<String> actions, Map<String, Object> conditions) {
    PolicyStatement.Builder builder =
        PolicyStatement.Builder.create()
            .effect(Effect.ALLOW)
            .actions(actions)
            .resources(List.of("*"));
    if (conditions != null) {
      builder.conditions(conditions);
    }
    return builder.build();
  }

  Role nodeRole() {
    return nodeRole;
  }

  Queue interruptions() {
    return interruptions;
  }

  HelmChart chart() {
    return chart;
  }
}
