package net.notejam.aws;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.eks.CfnAddon;
import software.amazon.awscdk.services.eks.Cluster;
import software.amazon.awscdk.services.iam.ManagedPolicy;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.iam.SessionTagsPrincipal;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.logs.CfnQueryDefinition;
import software.amazon.awscdk.services.logs.LogGroup;
import software.constructs.Construct;

/**
 * Ships every container's standard output to CloudWatch Logs: the EKS add-on
 * amazon-cloudwatch-observability runs Fluent Bit as a DaemonSet in namespace {@value #NAMESPACE}
 * (and the CloudWatch agent for Container Insights), under service account {@value
 * #SERVICE_ACCOUNT} through EKS Pod Identity. Its log groups are created here first, so that they
 * get the environment's {@link EnvironmentProfile#logRetention() retention} and the logs key rather
 * than Fluent Bit's auto-created groups that never expire. Two saved Logs Insights queries find a
 * request by its id and the server errors.
 */
public final class LogShipping extends Construct {
  public static final String ADDON = "amazon-cloudwatch-observability";
  public static final String NAMESPACE = "amazon-cloudwatch";

  /** Fluent Bit and the CloudWatch agent both run under this account of the add-on. */
  public static final String SERVICE_ACCOUNT = "cloudwatch-agent";

  /**
   * The groups the add-on writes, /aws/containerinsights/&lt;cluster&gt;/&lt;kind&gt;: every
   * container's log (Notejam's JSON lines among them), the kubelet's and container runtime's, the
   * nodes' system logs, and Container Insights' performance events.
   */
  public static final List<String> LOG_KINDS =
      List.of("application", "dataplane", "host", "performance");

  /**
   * Fluent Bit's kubernetes filter parses each JSON line into this field (Merge_Log_Key of the
   * add-on's configuration): Liberty's fields are found as {@code log_processed.<field>}.
   */
  static final String PARSED = "log_processed";

  /** Liberty puts the filter's request id on every message line as extension field requestId. */
  static final String MESSAGE_REQUEST_ID = PARSED + ".ext_requestId";

  /** And the access log line carries it as the X-Request-Id response header it logs. */
  static final String ACCESS_LOG_REQUEST_ID = "`" + PARSED + ".ibm_responseHeader_x-request-id`";

  /** The saved query's placeholder, filled in when the query runs (README "Logs"). */
  static final String REQUEST_ID_PARAMETER = "requestId";

  private final CfnAddon addon;
  private final Map<String, LogGroup> logGroups = new LinkedHashMap<>();

  public LogShipping(
      Construct scope, Deployment deployment, Cluster cluster, CfnAddon podIdentityAgent) {
    super(scope, "LogShipping");
    EnvironmentProfile profile = deployment.profile();
    // Prod's log is kept as long as its retention says, also when its stack goes; the other
    // environments' logs go with their stacks.
    RemovalPolicy removal =
        profile.settings().terminationProtection() ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
    String logGroupPrefix = "/aws/containerinsights/" + deployment.prefix() + "/";

    Key key =
        Key.Builder.create(this, "LogsKey")
            .alias(deployment.keyAlias("logs"))
            .description("Encrypts the container logs of " + deployment.prefix())
            .enableKeyRotation(true)
            // As every key of the project: kept, so that no log still kept becomes unreadable.
            .removalPolicy(RemovalPolicy.RETAIN)
            .pendingWindow(Duration.days(30))
            .build();
    Stack stack = Stack.of(this);
    // CloudWatch Logs encrypts with the key on behalf of these log groups only.
    key.addToResourcePolicy(
        PolicyStatement.Builder.create()
            .principals(
                List.of(new ServicePrincipal("logs." + stack.getRegion() + ".amazonaws.com")))
            .actions(
                List.of(
                    "kms:Encrypt*",
                    "kms:Decrypt*",
                    "kms:ReEncrypt*",
                    "kms:GenerateDataKey*",
                    "kms:Describe*"))
            .resources(List.of("*"))
            .conditions(
                Map.of(
                    "ArnLike",
                    Map.of(
                        "kms:EncryptionContext:aws:logs:arn",
                        "arn:aws:logs:"
                            + stack.getRegion()
                            + ":"
                            + stack.getAccount()
                            + ":log-group:"
                            + logGroupPrefix
                            + "*")))
            .build());

    for (String kind : LOG_KINDS) {
      logGroups.put(
          kind,
          LogGroup.Builder.create(this, "LogGroup-" + kind)
              .logGroupName(logGroupPrefix + kind)
              .retention(profile.logRetention())
              .encryptionKey(key)
              .removalPolicy(removal)
              .build());
    }

    Role role =
        Role.Builder.create(this, "Role")
            .assumedBy(new SessionTagsPrincipal(new ServicePrincipal("pods.eks.amazonaws.com")))
            .managedPolicies(
                List.of(ManagedPolicy.fromAwsManagedPolicyName("CloudWatchAgentServerPolicy")))
            .build();
    this.addon =
        CfnAddon.Builder.create(this, "Addon")
            .clusterName(cluster.getClusterName())
            .addonName(ADDON)
            // The default version for the pinned Kubernetes version, as the other add-ons.
            .resolveConflicts("OVERWRITE")
            .configurationValues("{\"containerLogs\":{\"enabled\":true}}")
            .podIdentityAssociations(
                List.of(
                    CfnAddon.PodIdentityAssociationProperty.builder()
                        .serviceAccount(SERVICE_ACCOUNT)
                        .roleArn(role.getRoleArn())
                        .build()))
            .build();
    addon.addResourceDependency(podIdentityAgent);
    // The groups must exist before Fluent Bit would create them without retention.
    logGroups.values().forEach(group -> addon.getNode().addDependency(group));

    String application = logGroups.get("application").getLogGroupName();
    String namespace = ClusterStack.namespace(deployment);
    query(
        "RequestById",
        "notejam/" + profile.id() + "/request-by-id",
        application,
        String.join(
            "\n",
            fields(),
            "| filter kubernetes.namespace_name = \"" + namespace + "\"",
            "| filter "
                + MESSAGE_REQUEST_ID
                + " = \"{{"
                + REQUEST_ID_PARAMETER
                + "}}\" or "
                + ACCESS_LOG_REQUEST_ID
                + " = \"{{"
                + REQUEST_ID_PARAMETER
                + "}}\"",
            "| sort @timestamp asc"),
        List.of(
            CfnQueryDefinition.QueryParameterProperty.builder()
                .name(REQUEST_ID_PARAMETER)
                .description("The X-Request-Id of the request (a response header)")
                .build()));
    query(
        "ServerErrors",
        "notejam/" + profile.id() + "/server-errors",
        application,
        String.join(
            "\n",
            fields(),
            "| filter kubernetes.namespace_name = \"" + namespace + "\"",
            "| filter " + PARSED + ".type = \"liberty_accesslog\"",
            "| filter " + PARSED + ".ibm_responseCode >= 500",
            "| sort @timestamp desc"),
        List.of());
  }

  /** The columns of both queries: when, which pod, what kind of line, and the request's facts. */
  private static String fields() {
    return "fields @timestamp, kubernetes.pod_name, "
        + String.join(
            ", ",
            List.of(
                PARSED + ".type",
                PARSED + ".loglevel",
                PARSED + ".module",
                PARSED + ".message",
                PARSED + ".ibm_requestMethod",
                "`" + PARSED + ".ibm_responseHeader_x-notejam-page`",
                PARSED + ".ibm_responseCode",
                PARSED + ".ibm_requestElapsedTime",
                MESSAGE_REQUEST_ID,
                ACCESS_LOG_REQUEST_ID));
  }

  private void query(
      String id,
      String name,
      String logGroup,
      String queryString,
      List<CfnQueryDefinition.QueryParameterProperty> parameters) {
    CfnQueryDefinition.Builder query =
        CfnQueryDefinition.Builder.create(this, id)
            .name(name)
            .logGroupNames(List.of(logGroup))
            .queryString(queryString);
    if (!parameters.isEmpty()) {
      query.parameters(parameters);
    }
    query.build();
  }

  public CfnAddon addon() {
    return addon;
  }

  public Map<String, LogGroup> logGroups() {
    return Map.copyOf(logGroups);
  }
}
