package net.notejam.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each environment's alerts reach someone, and the objects that produce the alerts' data find what
 * they watch: the AlertmanagerConfig routes every severity the rules use, its receivers' keys are
 * in the Secret its ExternalSecret fills from the environment's secret, the Probe fetches the
 * environment's public sign-in page under the job the alert expects, and the PodMonitor selects the
 * database's instances.
 */
class AlertRoutingTest {

  @ParameterizedTest
  @ValueSource(strings = {"dev", "test", "prod"})
  void criticalAlertsPageAndWarningsGoToChat(String env) {
    JsonNode route = config(env).at("/spec/route");

    assertEquals("pager", receiverOf(route, "critical"));
    assertEquals("chat", receiverOf(route, "warning"));
    Set<String> severities = new HashSet<>();
    for (JsonNode group : rule(env).at("/spec/groups")) {
      for (JsonNode rule : group.path("rules")) {
        if (rule.has("alert")) {
          severities.add(rule.at("/labels/severity").asText());
        }
      }
    }
    assertEquals(Set.of("critical", "warning"), severities, "the severities routed above");
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "test", "prod"})
  void receiversKeysComeFromTheEnvironmentsSecret(String env) {
    Manifests m = Manifests.of("overlays/" + env);
    JsonNode external = m.custom("ExternalSecret", "notejam-alertmanager");
    Set<String> provided = new HashSet<>();
    for (JsonNode data : external.at("/spec/data")) {
      provided.add(data.path("secretKey").asText());
      assertEquals("notejam/" + env + "/alertmanager", data.at("/remoteRef/key").asText());
    }
    assertEquals("aws-secrets-manager", external.at("/spec/secretStoreRef/name").asText());
    assertEquals("ClusterSecretStore", external.at("/spec/secretStoreRef/kind").asText());

    List<JsonNode> refs =
        List.of(
            receiver(env, "pager").at("/pagerdutyConfigs/0/routingKey"),
            receiver(env, "chat").at("/slackConfigs/0/apiURL"));
    for (JsonNode ref : refs) {
      assertEquals(external.at("/spec/target/name").asText(), ref.path("name").asText());
      assertTrue(provided.contains(ref.path("key").asText()), ref + " not among " + provided);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "test", "prod"})
  void probeFetchesTheEnvironmentsSignInPageUnderTheJobTheAlertExpects(String env) {
    Manifests m = Manifests.of("overlays/" + env);
    ObjectNode probe = m.custom("Probe", "notejam-signin");
    String host = m.custom("Ingress", OverlayTest.APP).at("/spec/rules/0/host").asText();

    assertEquals(
        "https://" + host + "/signin/", probe.at("/spec/targets/staticConfig/static/0").asText());
    assertEquals(1, probe.at("/spec/targets/staticConfig/static").size());
    assertEquals("http_2xx", probe.at("/spec/module").asText());
    assertTrue(probe.at("/spec/jobName").isMissingNode(), "the operator's job name is kept");
    // prometheus-operator names a Probe's scrape job probe/<namespace>/<name>.
    String job = "probe/" + probe.at("/metadata/namespace").asText() + "/notejam-signin";
    Matcher matcher =
        Pattern.compile("job=~\"([^\"]+)\"").matcher(alertExpr(env, "NotejamSignInPageDown"));
    assertTrue(matcher.find(), "the alert selects the probe's job");
    assertTrue(job.matches(matcher.group(1)), job + " !~ " + matcher.group(1));
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "test", "prod"})
  void podMonitorSelectsTheDatabaseInstancesTheAlertsWatch(String env) {
    Manifests m = Manifests.of("overlays/" + env);
    JsonNode monitor = m.custom("PodMonitor", OverlayTest.DB_CLUSTER);

    assertEquals(
        OverlayTest.DB_CLUSTER,
        monitor.at("/spec/selector/matchLabels").path("cnpg.io/cluster").asText());
    assertEquals("metrics", monitor.at("/spec/podMetricsEndpoints/0/port").asText());
    m.custom("Cluster", OverlayTest.DB_CLUSTER);
    // CloudNativePG names the instances <cluster>-<serial>.
    Matcher matcher =
        Pattern.compile("pod=~\"([^\"]+)\"").matcher(alertExpr(env, "NotejamDbReplicationLag"));
    assertTrue(matcher.find());
    assertTrue((OverlayTest.DB_CLUSTER + "-1").matches(matcher.group(1)));
    assertFalse((OverlayTest.DB_CLUSTER + "-pitr-backup").matches(matcher.group(1)));
  }

  /** The receiver that an alert of {@code severity} reaches first, through the sub-routes. */
  private static String receiverOf(JsonNode route, String severity) {
    for (JsonNode sub : route.path("routes")) {
      for (JsonNode matcher : sub.path("matchers")) {
        String type = matcher.path("matchType").asText("=");
        String value = matcher.path("value").asText();
        if ("severity".equals(matcher.path("name").asText())
            && (type.equals("=") ? value.equals(severity) : severity.matches(value))) {
          return sub.path("receiver").asText();
        }
      }
    }
    return route.path("receiver").asText();
  }

  private static JsonNode receiver(String env, String name) {
    for (JsonNode receiver : config(env).at("/spec/receivers")) {
      if (name.equals(receiver.path("name").asText())) {
        return receiver;
      }
    }
    throw new AssertionError("no receiver " + name);
  }

  private static JsonNode config(String env) {
    return Manifests.of("overlays/" + env).custom("AlertmanagerConfig", "notejam");
  }

  private static JsonNode rule(String env) {
    return Manifests.of("overlays/" + env).custom("PrometheusRule", "notejam");
  }

  private static String alertExpr(String env, String alert) {
    for (JsonNode group : rule(env).at("/spec/groups")) {
      for (JsonNode rule : group.path("rules")) {
        if (alert.equals(rule.path("alert").asText())) {
          return rule.path("expr").asText();
        }
      }
    }
    throw new AssertionError("no alert " + alert);
  }
}
