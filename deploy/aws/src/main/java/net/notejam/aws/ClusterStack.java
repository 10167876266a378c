package net.notejam.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.cdk.lambdalayer.kubectl.v32.KubectlV32Layer;
import software.amazon.awscdk.services.ec2.InstanceType;
import software.amazon.awscdk.services.ec2.LaunchTemplate;
import software.amazon.awscdk.services.eks.AlbControllerOptions;
import software.amazon.awscdk.services.eks.AlbControllerVersion;
import software.amazon.awscdk.services.eks.AuthenticationMode;
import software.amazon.awscdk.services.eks.CfnAddon;
import software.amazon.awscdk.services.eks.CfnPodIdentityAssociation;
import software.amazon.awscdk.services.eks.Cluster;
import software.amazon.awscdk.services.eks.ClusterLoggingTypes;
import software.amazon.awscdk.services.eks.HelmChart;
import software.amazon.awscdk.services.eks.HelmChartOptions;
import software.amazon.awscdk.services.eks.KubernetesVersion;
import software.amazon.awscdk.services.eks.Nodegroup;
import software.amazon.awscdk.services.eks.NodegroupAmiType;
import software.amazon.awscdk.services.eks.NodegroupOptions;
import software.amazon.awscdk.services.iam.ManagedPolicy;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.iam.SessionTagsPrincipal;
import software.amazon.awscdk.services.kms.Key;
import software.constructs.Construct;

/**
 * The EKS cluster: pinned Kubernetes version, one managed system node group per zone, Karpenter for
 * the app's nodes, KEDA and metrics-server for its pods, storage and snapshot add-ons, the load
 * balancer controller, the PostgreSQL operator and monitoring.
 */
public final class ClusterStack extends NotejamStack {
  /**
   * In EKS standard support until March 2027. Pinned together with the kubectl layer: the layer for
   * 1.35 is not on Maven Central yet, so the handler's kubectl is still 1.32, outside kubectl's
   * skew policy: move it to KubectlV35Layer in the same change once it is served.
   */
  public static final KubernetesVersion KUBERNETES_VERSION = KubernetesVersion.V1_35;

  /**
   * The chart's appVersion is the operator it installs, CRDs included. deploy/ validates the
   * manifests against that operator's CRDs: its SchemaTest reads the operator from the comment.
   */
  public static final String CLOUDNATIVE_PG_CHART_VERSION = "0.29.0"; // operator 1.30.0

  public static final String KUBE_PROMETHEUS_STACK_CHART_VERSION = "77.2.0";
  public static final AlbControllerVersion LOAD_BALANCER_CONTROLLER_VERSION =
      AlbControllerVersion.V2_13_3;

  /**
   * Namespace of an environment's app, its database and its pg_dump CronJob: the overlays of
   * deploy/ name it {@code notejam-<env>}.
   */
  public static String namespace(Deployment deployment) {
    return "notejam-" + deployment.environmentName();
  }

  /** Service account of the pg_dump CronJob (deploy/ uses the same name). */
  public static final String BACKUP_SERVICE_ACCOUNT = "notejam-backup";

  /** CloudNativePG's service account of the live cluster notejam-db (deploy/base/database). */
  public static final String DATABASE_SERVICE_ACCOUNT = "notejam-db";

  /** And of the side cluster point-in-time recovery creates (deploy/recovery). */
  public static final String RECOVERY_SERVICE_ACCOUNT = "notejam-db-recovered";

  private final Cluster cluster;
  private final List<Nodegroup> nodeGroups = new ArrayList<>();

  public ClusterStack(
      Construct scope,
      Deployment deployment,
      NetworkStack network,
      DataProtectionStack dataProtection) {
    super(
        scope,
        deployment,
        "cluster",
        "EKS " + KUBERNETES_VERSION.getVersion() + " over three zones",
        Holds.INFRASTRUCTURE);
    EnvironmentProfile.Settings settings = deployment.profile().settings();

    Key secretsKey =
        Key.Builder.create(this, "SecretsKey")
            .alias(deployment.keyAlias("eks-secrets"))
            .description(
                "Kubernetes Secrets (envelope encryption) and their sources in Secrets Manager in "
                    + deployment.prefix())
            .enableKeyRotation(true)
            .removalPolicy(RemovalPolicy.RETAIN)
            .build();

    this.cluster =
        Cluster.Builder.create(this, "Cluster")
            .clusterName(deployment.prefix())
            .version(KUBERNETES_VERSION)
            .kubectlLayer(new KubectlV32Layer(this, "KubectlLayer"))
            .vpc(network.vpc())
            // Control plane ENIs in the private subnets; load balancers find the public ones by
            // their kubernetes.io/role/elb tag.
            .vpcSubnets(List.of(NetworkStack.nodeSubnets()))
            .defaultCapacity(0)
            .secretsEncryptionKey(secretsKey)
            .authenticationMode(AuthenticationMode.API_AND_CONFIG_MAP)
            .endpointAccess(ApiEndpoint.access(deployment))
            .clusterLogging(
                List.of(
                    ClusterLoggingTypes.API,
                    ClusterLoggingTypes.AUDIT,
                    ClusterLoggingTypes.AUTHENTICATOR))
            .albController(
                AlbControllerOptions.builder().version(LOAD_BALANCER_CONTROLLER_VERSION).build())
            .build();

    // One small node group per zone for the system pods (Karpenter must not run on nodes it
    // manages); Karpenter's NodePool (deploy/platform) brings the nodes of Notejam and its
    // database. A zone outage takes exactly one group with it.
    EnvironmentProfile.NodesPerZone perZone = settings.nodesPerZone();
    LaunchTemplate systemNodes = SystemNodes.launchTemplate(this);
    for (String zone : network.vpc().getAvailabilityZones()) {
      nodeGroups.add(
          cluster.addNodegroupCapacity(
              "Nodes-" + zone,
              NodegroupOptions.builder()
                  .nodegroupName("nodes-" + zone)
                  .subnets(NetworkStack.nodeSubnets(zone))
                  .instanceTypes(List.of(new InstanceType(perZone.instanceType())))
                  .amiType(NodegroupAmiType.AL2023_X86_64_STANDARD)
                  .minSize(perZone.min())
                  .desiredSize(perZone.desired())
                  .maxSize(perZone.max())
                  .launchTemplateSpec(SystemNodes.spec(systemNodes))
                  .labels(Map.of("notejam/zone", zone))
                  .build()));
    }

    NodeAutoscaling karpenter = new NodeAutoscaling(this, deployment, cluster, network);

    CfnAddon podIdentityAgent = addon("PodIdentityAgent", "eks-pod-identity-agent", null);
    // Pod networking, with the NetworkPolicies of deploy/ enforced.
    NetworkPolicyEnforcement.enforce(addon("VpcCni", "vpc-cni", null));

    // The EBS CSI controller creates, attaches and snapshots the database volumes; it needs the
    // volume key to create encrypted volumes and snapshots.
    Role ebsCsiRole =
        Role.Builder.create(this, "EbsCsiDriverRole")
            .assumedBy(new SessionTagsPrincipal(new ServicePrincipal("pods.eks.amazonaws.com")))
            .managedPolicies(
                List.of(
                    ManagedPolicy.fromAwsManagedPolicyName(
                        "service-role/AmazonEBSCSIDriverPolicy")))
            .build();
    dataProtection.stores().volumeKey().grantEncryptDecrypt(ebsCsiRole);
    dataProtection
        .stores()
        .volumeKey()
        .grant(ebsCsiRole, "kms:CreateGrant", "kms:ListGrants", "kms:RevokeGrant");
    CfnAddon ebsCsiDriver =
        addon(
            "EbsCsiDriver",
            "aws-ebs-csi-driver",
            CfnAddon.PodIdentityAssociationProperty.builder()
                .serviceAccount("ebs-csi-controller-sa")
                .roleArn(ebsCsiRole.getRoleArn())
                .build());
    ebsCsiDriver.addResourceDependency(podIdentityAgent);
    // VolumeSnapshot CRDs and controller, used by CloudNativePG volume snapshot backups.
    CfnAddon snapshotController = addon("SnapshotController", "snapshot-controller", null);
    snapshotController.addResourceDependency(ebsCsiDriver);

    HelmChart cloudNativePg =
        cluster.addHelmChart(
            "CloudNativePg",
            HelmChartOptions.builder()
                .repository("https://cloudnative-pg.github.io/charts")
                .chart("cloudnative-pg")
                .version(CLOUDNATIVE_PG_CHART_VERSION)
                .release("cnpg")
                .namespace("cnpg-system")
                .createNamespace(true)
                .wait(true)
                .build());
    HelmChart monitoring =
        cluster.addHelmChart(
            "KubePrometheusStack",
            HelmChartOptions.builder()
                .repository("https://prometheus-community.github.io/helm-charts")
                .chart("kube-prometheus-stack")
                .version(KUBE_PROMETHEUS_STACK_CHART_VERSION)
                .release("kube-prometheus-stack")
                .namespace("monitoring")
                .createNamespace(true)
                .values(ClusterMonitoring.kubePrometheusStackValues(deployment))
                // Many CRDs: installing them takes longer than the 5-minute default.
                .timeout(Duration.minutes(15))
                .build());
    HelmChart blackboxExporter = ClusterMonitoring.addBlackboxExporter(cluster);
    Delivery delivery = new Delivery(this, cluster);
    PodAutoscaling podAutoscaling = new PodAutoscaling(this, cluster);

    // Fluent Bit ships every container's JSON log to CloudWatch Logs (README "Logs").
    LogShipping logShipping = new LogShipping(this, deployment, cluster, podIdentityAgent);

    // The pg_dump CronJob writes to the backup bucket through EKS Pod Identity.
    Role backupRole = podRole("LogicalBackupRole");
    dataProtection.stores().backupBucket().grantReadWrite(backupRole);
    podIdentity("LogicalBackupIdentity", deployment, BACKUP_SERVICE_ACCOUNT, backupRole)
        .addResourceDependency(podIdentityAgent);

    // CloudNativePG's instances archive WAL and base backups to the PITR bucket (ObjectStore
    // notejam-db-pitr); a side cluster recovered from it only reads. The operator names each
    // cluster's service account after the cluster.
    Role archiveRole = podRole("DatabaseArchiveRole");
    dataProtection.stores().pitrBucket().grantReadWrite(archiveRole);
    podIdentity("DatabaseArchiveIdentity", deployment, DATABASE_SERVICE_ACCOUNT, archiveRole)
        .addResourceDependency(podIdentityAgent);
    // As a standby (overlays/prod-dr), the same instances replicate the other region's archive.
    StandbyArchive.grantRead(this, deployment, archiveRole);
    Role recoveryRole = podRole("DatabaseRecoveryRole");
    dataProtection.stores().pitrBucket().grantRead(recoveryRole);
    podIdentity("DatabaseRecoveryIdentity", deployment, RECOVERY_SERVICE_ACCOUNT, recoveryRole)
        .addResourceDependency(podIdentityAgent);

    // The environment's secrets in Secrets Manager, synced into Kubernetes by ESO.
    SecretStore secretStore =
        new SecretStore(this, deployment, cluster, secretsKey, podIdentityAgent);

    // Add-ons and charts schedule pods (Fluent Bit's DaemonSet among them): without nodes their
    // creation never settles, so each waits for every system node group.
    List<Construct> workloads = new ArrayList<>();
    workloads.addAll(
        List.of(
            ebsCsiDriver,
            cloudNativePg,
            monitoring,
            blackboxExporter,
            karpenter.chart(),
            logShipping.addon(),
            secretStore.chart()));
    workloads.addAll(delivery.charts());
    workloads.addAll(podAutoscaling.workloads());
    for (Construct workload : workloads) {
      nodeGroups.forEach(nodes -> workload.getNode().addDependency(nodes));
    }

    CfnOutput.Builder.create(this, "ClusterName").value(cluster.getClusterName()).build();
  }

  /** A role that pods take through EKS Pod Identity. */
  private Role podRole(String id) {
    return Role.Builder.create(this, id)
        .assumedBy(new SessionTagsPrincipal(new ServicePrincipal("pods.eks.amazonaws.com")))
        .build();
  }

  /** Gives {@code serviceAccount} in the environment's namespace {@code role}. */
  private CfnPodIdentityAssociation podIdentity(
      String id, Deployment deployment, String serviceAccount, Role role) {
    return CfnPodIdentityAssociation.Builder.create(this, id)
        .clusterName(cluster.getClusterName())
        .namespace(namespace(deployment))
        .serviceAccount(serviceAccount)
        .roleArn(role.getRoleArn())
        .build();
  }

  private CfnAddon addon(String id, String name, CfnAddon.PodIdentityAssociationProperty identity) {
    CfnAddon.Builder addon =
        CfnAddon.Builder.create(this, id)
            .clusterName(cluster.getClusterName())
            .addonName(name)
            // The default version of each add-on for the pinned Kubernetes version.
            .resolveConflicts("OVERWRITE");
    if (identity != null) {
      addon.podIdentityAssociations(List.of(identity));
    }
    return addon.build();
  }

  public Cluster cluster() {
    return cluster;
  }

  public List<Nodegroup> nodeGroups() {
    return List.copyOf(nodeGroups);
  }
}
