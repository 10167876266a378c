package net.notejam.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awscdk.assertions.Template;

class LogShippingTest {

  private static final Map<EnvironmentProfile, Integer> RETENTION_DAYS =
      Map.of(EnvironmentProfile.DEV, 7, EnvironmentProfile.TEST, 30, EnvironmentProfile.PROD, 400);

  @ParameterizedTest
  @EnumSource(EnvironmentProfile.class)
  void addOnShipsContainerLogsUnderItsServiceAccountsRole(EnvironmentProfile profile) {
    Template cluster = SynthesizedDeployment.of(profile).cluster();

    Map<String, Object> addon = addon(cluster);
    assertEquals(
        "{\"containerLogs\":{\"enabled\":true}}",
        addon.get("ConfigurationValues"),
        "Fluent Bit on");
    assertFalse(addon.containsKey("AddonVersion"), "the default version, as the other add-ons");
    List<Object> associations = Templates.list(addon.get("PodIdentityAssociations"));
    assertEquals(1, associations.size());
    assertEquals("cloudwatch-agent", Templates.map(associations.get(0)).get("ServiceAccount"));
    // The role the association names: pods take it, with the agent's policy.
    String roleId =
        (String)
            Templates.list(
                    Templates.map(Templates.map(associations.get(0)).get("RoleArn"))
                        .get("Fn::GetAtt"))
                .get(0);
    Map<String, Object> role =
        Templates.map(Templates.resources(cluster, "AWS::IAM::Role").get(roleId).get("Properties"));
    assertEquals(
        Map.of("Service", "pods.eks.amazonaws.com"),
        Templates.map(
                Templates.list(Templates.at(role, "AssumeRolePolicyDocument", "Statement")).get(0))
            .get("Principal"));
    assertTrue(
        String.valueOf(role.get("ManagedPolicyArns"))
            .contains(":iam::aws:policy/CloudWatchAgentServerPolicy"),
        String.valueOf(role.get("ManagedPolicyArns")));
  }

  @ParameterizedTest
  @EnumSource(EnvironmentProfile.class)
  void addOnWaitsForTheAgentItsLogGroupsAndTheNodes(EnvironmentProfile profile) {
    Template cluster = SynthesizedDeployment.of(profile).cluster();

    Map<String, Object> addon = addonResource(cluster);
    Set<Object> dependsOn = Set.copyOf(Templates.list(addon.get("DependsOn")));
    for (String id : Templates.resources(cluster, "AWS::Logs::LogGroup").keySet()) {
      assertTrue(dependsOn.contains(id), "log group " + id + " before the add-on");
    }
    for (String id : Templates.resources(cluster, "AWS::EKS::Nodegroup").keySet()) {
      assertTrue(dependsOn.contains(id), "node group " + id + " before the add-on");
    }
    Set<String> agent =
        Templates.resources(cluster, "AWS::EKS::Addon").entrySet().stream()
            .filter(
                entry ->
                    "eks-pod-identity-agent"
                        .equals(Templates.map(entry.getValue().get("Properties")).get("AddonName")))
            .map(Map.Entry::getKey)
            .collect(Collectors.toSet());
    assertTrue(dependsOn.containsAll(agent), "the Pod Identity agent first");
  }

  @ParameterizedTest
  @EnumSource(EnvironmentProfile.class)
  void logGroupsHaveTheEnvironmentsRetentionAndTheLogsKey(EnvironmentProfile profile) {
    SynthesizedDeployment synthesized = SynthesizedDeployment.of(profile);
    Template cluster = synthesized.cluster();
    String clusterName = synthesized.deployment.prefix();

    Map<String, Map<String, Object>> groups =
        Templates.resources(cluster, "AWS::Logs::LogGroup").values().stream()
            .collect(
                Collectors.toMap(
                    group -> (String) Templates.map(group.get("Properties")).get("LogGroupName"),
                    group -> group));
    assertEquals(
        Set.of(
            "/aws/containerinsights/" + clusterName + "/application",
            "/aws/containerinsights/" + clusterName + "/dataplane",
            "/aws/containerinsights/" + clusterName + "/host",
            "/aws/containerinsights/" + clusterName + "/performance"),
        groups.keySet());
    String keyId = logsKeyId(cluster);
    String removal = profile == EnvironmentProfile.PROD ? "Retain" : "Delete";
    for (Map<String, Object> group : groups.values()) {
      Map<String, Object> properties = Templates.map(group.get("Properties"));
      assertEquals(
          RETENTION_DAYS.get(profile), Templates.number(properties.get("RetentionInDays")));
      assertEquals(
          keyId,
          Templates.list(Templates.map(properties.get("KmsKeyId")).get("Fn::GetAtt")).get(0));
      assertEquals(removal, group.get("DeletionPolicy"));
    }
  }

  @ParameterizedTest
  @EnumSource(EnvironmentProfile.class)
  void logsKeyServesCloudWatchLogsForTheClustersGroupsOnly(EnvironmentProfile profile) {
    SynthesizedDeployment synthesized = SynthesizedDeployment.of(profile);
    Template cluster = synthesized.cluster();

    Map<String, Object> key =
        Templates.map(Templates.resources(cluster, "AWS::KMS::Key").get(logsKeyId(cluster)));
    Map<String, Object> properties = Templates.map(key.get("Properties"));
    assertEquals(true, properties.get("EnableKeyRotation"));
    List<Object> statements = Templates.list(Templates.at(properties, "KeyPolicy", "Statement"));
    Map<String, Object> logs =
        statements.stream()
            .map(Templates::map)
            .filter(
                statement ->
                    String.valueOf(statement.get("Principal"))
                        .contains("logs.eu-west-1.amazonaws.com"))
            .findFirst()
            .orElseThrow();
    assertEquals(
        "arn:aws:logs:eu-west-1:111111111111:log-group:/aws/containerinsights/"
            + synthesized.deployment.prefix()
            + "/*",
        Templates.at(logs, "Condition", "ArnLike", "kms:EncryptionContext:aws:logs:arn"));
    cluster.hasResourceProperties(
        "AWS::KMS::Alias", Map.of("AliasName", "alias/notejam-" + profile.id() + "-logs"));
  }

  @ParameterizedTest
  @EnumSource(EnvironmentProfile.class)
  void requestByIdFindsMessagesAndTheAccessLogLineByTheRequestId(EnvironmentProfile profile) {
    Map<String, Object> query = applicationQuery(profile, "request-by-id");
    String queryString = (String) query.get("QueryString");
    assertTrue(
        queryString.contains("log_processed.ext_requestId = \"{{requestId}}\""), queryString);
    assertTrue(
        queryString.contains("`log_processed.ibm_responseHeader_x-request-id` = \"{{requestId}}\""),
        queryString);
    assertTrue(
        queryString.contains("kubernetes.namespace_name = \"notejam-" + profile.id() + "\""),
        queryString);
    assertEquals(
        "requestId", Templates.map(Templates.list(query.get("Parameters")).get(0)).get("Name"));
  }

  @ParameterizedTest
  @EnumSource(EnvironmentProfile.class)
  void serverErrorsListsTheAccessLogLinesOf5xx(EnvironmentProfile profile) {
    String queryString = (String) applicationQuery(profile, "server-errors").get("QueryString");
    assertTrue(queryString.contains("log_processed.type = \"liberty_accesslog\""), queryString);
    assertTrue(queryString.contains("log_processed.ibm_responseCode >= 500"), queryString);
    assertTrue(queryString.contains("log_processed.ext_requestId"), "to follow up by id");
  }

  /** The logical id of /aws/containerinsights/&lt;cluster&gt;/application. */
  private static String applicationLogGroupId(SynthesizedDeployment synthesized) {
    String name = "/aws/containerinsights/" + synthesized.deployment.prefix() + "/application";
    return Templates.resources(synthesized.cluster(), "AWS::Logs::LogGroup").entrySet().stream()
        .filter(
            group ->
                name.equals(Templates.map(group.getValue().get("Properties")).get("LogGroupName")))
        .map(Map.Entry::getKey)
        .findFirst()
        .orElseThrow();
  }

  /**
   * The saved query notejam/&lt;env&gt;/{@code name}, after checking it reads the application
   * group.
   */
  private static Map<String, Object> applicationQuery(EnvironmentProfile profile, String name) {
    SynthesizedDeployment synthesized = SynthesizedDeployment.of(profile);
    String fullName = "notejam/" + profile.id() + "/" + name;
    Map<String, Object> query =
        Templates.properties(synthesized.cluster(), "AWS::Logs::QueryDefinition").stream()
            .filter(definition -> fullName.equals(definition.get("Name")))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no query definition " + fullName));
    assertEquals(
        List.of(Map.of("Ref", applicationLogGroupId(synthesized))), query.get("LogGroupNames"));
    return query;
  }

  private static Map<String, Object> addonResource(Template cluster) {
    return Templates.resources(cluster, "AWS::EKS::Addon").values().stream()
        .filter(
            addon ->
                LogShipping.ADDON.equals(Templates.map(addon.get("Properties")).get("AddonName")))
        .findFirst()
        .orElseThrow();
  }

  private static Map<String, Object> addon(Template cluster) {
    return Templates.map(addonResource(cluster).get("Properties"));
  }

  /** The key whose alias is notejam-&lt;env&gt;-logs. */
  private static String logsKeyId(Template cluster) {
    Map<String, Object> alias =
        Templates.properties(cluster, "AWS::KMS::Alias").stream()
            .filter(properties -> ((String) properties.get("AliasName")).endsWith("-logs"))
            .findFirst()
            .orElseThrow();
    return (String)
        Templates.list(Templates.map(alias.get("TargetKeyId")).get("Fn::GetAtt")).get(0);
  }
}
