package net.notejam.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import net.notejam.deploy.Manifests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awscdk.assertions.Template;

/**
 * Every EKS Pod Identity association of an environment's stacks names a service account that exists
 * in its cluster: an association with a misspelt name is accepted by EKS and leaves the pod without
 * its role, failing at its first AWS call. A service account exists when deploy/ renders it (or a
 * CloudNativePG Cluster whose operator makes it), or when a chart or add-on the CDK app installs
 * creates it.
 */
class PodIdentityAgreementTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A service account: namespace and name. */
  record Account(String namespace, String name) implements Comparable<Account> {
    @Override
    public int compareTo(Account other) {
      return toString().compareTo(other.toString());
    }

    @Override
    public String toString() {
      return namespace + "/" + name;
    }
  }

  /**
   * What the charts the CDK app installs create, by chart: each is the chart's serviceAccount.name
   * value that the construct sets (checked against the synthesized values below), so that a chart
   * default can't change it behind our back.
   */
  static final Map<String, String> CHART_SERVICE_ACCOUNTS =
      Map.of(
          // NodeAutoscaling: serviceAccount.name of the karpenter chart.
          "karpenter", "karpenter",
          // SecretStore: serviceAccount.name of the external-secrets chart (its controller).
          "external-secrets", "external-secrets");

  /**
   * What the EKS add-ons create, by add-on: the add-on's namespace and its service accounts, from
   * the add-on's documentation (the EBS CSI driver's controller runs as ebs-csi-controller-sa in
   * kube-system; the CloudWatch observability add-on's agent and Fluent Bit as cloudwatch-agent in
   * amazon-cloudwatch). Written out, not taken from LogShipping's constants: a constant renamed
   * there must fail here.
   */
  static final Map<String, Account> ADDON_SERVICE_ACCOUNTS =
      Map.of(
          "aws-ebs-csi-driver", new Account("kube-system", "ebs-csi-controller-sa"),
          "amazon-cloudwatch-observability", new Account("amazon-cloudwatch", "cloudwatch-agent"));

  /** The directories of deploy/ applied to an environment's cluster. */
  static List<String> renderedDirs(EnvironmentProfile profile) {
    String env = profile.id();
    return List.of(
        "overlays/" + env, "platform/" + env, "recovery/" + env, "recovery/" + env + "/user");
  }

  @ParameterizedTest
  @EnumSource(EnvironmentProfile.class)
  void everyAssociationNamesAServiceAccountThatExists(EnvironmentProfile profile) {
    SynthesizedDeployment synthesized = SynthesizedDeployment.of(profile);
    Set<Account> existing = rendered(profile);
    existing.addAll(fromCharts(synthesized));

    List<Account> associated = associations(synthesized);
    assertFalse(associated.isEmpty());
    assertEquals(List.of(), strangers(associated, existing), profile + ": among " + existing);
  }

  @ParameterizedTest
  @EnumSource(EnvironmentProfile.class)
  void everyAddOnAssociationNamesAServiceAccountOfItsAddOn(EnvironmentProfile profile) {
    SynthesizedDeployment synthesized = SynthesizedDeployment.of(profile);

    for (Template template : templates(synthesized)) {
      for (Map<String, Object> addon : Templates.properties(template, "AWS::EKS::Addon")) {
        Object identities = addon.get("PodIdentityAssociations");
        if (identities == null) {
          continue;
        }
        Account known = ADDON_SERVICE_ACCOUNTS.get((String) addon.get("AddonName"));
        for (Object identity : Templates.list(identities)) {
          assertEquals(
              known == null ? null : known.name(),
              Templates.map(identity).get("ServiceAccount"),
              addon.get("AddonName") + " creates no such service account");
        }
      }
    }
  }

  @ParameterizedTest
  @EnumSource(EnvironmentProfile.class)
  void chartsRunUnderTheServiceAccountsListedForThem(EnvironmentProfile profile) throws Exception {
    for (Template template : templates(SynthesizedDeployment.of(profile))) {
      for (Map<String, Object> chart :
          Templates.properties(template, "Custom::AWSCDK-EKS-HelmChart")) {
        String expected = CHART_SERVICE_ACCOUNTS.get((String) chart.get("Chart"));
        if (expected == null) {
          continue;
        }
        JsonNode values = JSON.readTree(plain(chart.get("Values")));
        assertEquals(expected, values.at("/serviceAccount/name").asText(), "" + chart.get("Chart"));
      }
    }
  }

  @Test
  void aRenamedServiceAccountIsCaught() {
    SynthesizedDeployment synthesized = SynthesizedDeployment.of(EnvironmentProfile.PROD);
    Set<Account> existing = rendered(EnvironmentProfile.PROD);
    existing.addAll(fromCharts(synthesized));
    List<Account> associated = new ArrayList<>(associations(synthesized));
    associated.add(new Account("notejam-prod", "notejam-backups"));
    associated.add(new Account("external-secret", "external-secrets"));

    assertEquals(
        List.of(
            new Account("notejam-prod", "notejam-backups"),
            new Account("external-secret", "external-secrets")),
        strangers(associated, existing));
  }

  /** The associations that name no existing service account. */
  static List<Account> strangers(List<Account> associated, Set<Account> existing) {
    return associated.stream().filter(a -> !existing.contains(a)).toList();
  }

  /**
   * The CfnPodIdentityAssociations of every stack, and the add-ons' associations (in the add-on's
   * namespace).
   */
  static List<Account> associations(SynthesizedDeployment synthesized) {
    List<Account> all = new ArrayList<>();
    for (Template template : templates(synthesized)) {
      for (Map<String, Object> association :
          Templates.properties(template, "AWS::EKS::PodIdentityAssociation")) {
        all.add(
            new Account(
                (String) association.get("Namespace"), (String) association.get("ServiceAccount")));
      }
      for (Map<String, Object> addon : Templates.properties(template, "AWS::EKS::Addon")) {
        Object identities = addon.get("PodIdentityAssociations");
        Account known = ADDON_SERVICE_ACCOUNTS.get((String) addon.get("AddonName"));
        if (identities != null) {
          for (Object identity : Templates.list(identities)) {
            all.add(
                new Account(
                    known == null ? "?" : known.namespace(),
                    (String) Templates.map(identity).get("ServiceAccount")));
          }
        }
      }
    }
    return all;
  }

  /** Service accounts deploy/ renders for the environment, and those CloudNativePG makes. */
  static Set<Account> rendered(EnvironmentProfile profile) {
    Set<Account> accounts = new TreeSet<>();
    for (String dir : renderedDirs(profile)) {
      for (ObjectNode object : Manifests.of(dir).raw) {
        String kind = object.path("kind").asText();
        String namespace = object.at("/metadata/namespace").asText();
        String name = object.at("/metadata/name").asText();
        if (kind.equals("ServiceAccount")) {
          accounts.add(new Account(namespace, name));
        } else if (kind.equals("Cluster")
            && object.path("apiVersion").asText().startsWith("postgresql.cnpg.io/")) {
          // The operator runs each cluster's instances as a service account named after it.
          accounts.add(new Account(namespace, name));
        }
      }
    }
    return accounts;
  }

  /** The service accounts of the charts installed, in the chart's namespace. */
  static Set<Account> fromCharts(SynthesizedDeployment synthesized) {
    Set<Account> accounts = new TreeSet<>();
    for (Template template : templates(synthesized)) {
      for (Map<String, Object> chart :
          Templates.properties(template, "Custom::AWSCDK-EKS-HelmChart")) {
        String name = CHART_SERVICE_ACCOUNTS.get((String) chart.get("Chart"));
        if (name != null) {
          accounts.add(new Account((String) chart.get("Namespace"), name));
        }
      }
      for (Map<String, Object> addon : Templates.properties(template, "AWS::EKS::Addon")) {
        Account known = ADDON_SERVICE_ACCOUNTS.get((String) addon.get("AddonName"));
        if (known != null) {
          accounts.add(known);
        }
      }
    }
    return accounts;
  }

  /**
   * A chart's values as JSON text: a string, or an Fn::Join when a value is a reference (such as
   * Karpenter's queue name), whose references stand in as "ref" here.
   */
  static String plain(Object values) {
    if (values instanceof String text) {
      return text;
    }
    List<Object> join = Templates.list(Templates.map(values).get("Fn::Join"));
    StringBuilder text = new StringBuilder();
    for (Object part : Templates.list(join.get(1))) {
      text.append(part instanceof String s ? s : "ref");
    }
    return text.toString();
  }

  private static List<Template> templates(SynthesizedDeployment synthesized) {
    return synthesized.stacks.all().stream().map(synthesized::template).toList();
  }

  @Test
  void nothingIsTakenForAServiceAccountThatIsNot() {
    Set<Account> existing = rendered(EnvironmentProfile.DEV);
    assertTrue(existing.contains(new Account("notejam-dev", ClusterStack.BACKUP_SERVICE_ACCOUNT)));
    assertTrue(
        existing.contains(new Account("notejam-dev", ClusterStack.RECOVERY_SERVICE_ACCOUNT)),
        "the recovered side cluster's, made by CloudNativePG");
    assertFalse(
        existing.contains(new Account("notejam-prod", ClusterStack.BACKUP_SERVICE_ACCOUNT)));
  }
}
