package net.notejam.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Delivery as Argo CD and Argo Rollouts will run it: the ApplicationSet of deploy/delivery expanded
 * the way its list generator and templates are, and the canary of components/progressive-delivery
 * as each EKS overlay renders it. The analysis queries run in promtool on series shaped like the
 * app's, so a query that misses the canary, or a metric that does not exist, fails here rather than
 * on the day of a bad release.
 */
class DeliveryTest {

  static final List<String> ENVIRONMENTS = List.of("dev", "test", "prod");
  private static final Pattern GO_PARAM = Pattern.compile("\\{\\{\\s*\\.(\\w+)\\s*}}");

  /** One Application as the ApplicationSet generates it for a list element. */
  record Application(String name, String path, String namespace, JsonNode syncPolicy) {}

  @Test
  void theApplicationSetGeneratesOneApplicationPerEnvironmentFromAnOverlayThatRenders() {
    Map<String, Application> apps = applications(Manifests.of("delivery/base"));

    assertEquals(ENVIRONMENTS, List.copyOf(apps.keySet()));
    for (String env : ENVIRONMENTS) {
      Application app = apps.get(env);
      assertEquals("notejam-" + env, app.name());
      assertEquals("deploy/overlays/" + env, app.path());
      Manifests overlay = Manifests.of(app.path().substring("deploy/".length()));
      assertEquals(
          app.namespace(),
          overlay.custom("Deployment", OverlayTest.APP).path("metadata").path("namespace").asText(),
          "the Application deploys into the overlay's namespace");
    }
  }

  @Test
  void devAndTestSyncAndPruneByThemselvesWhileProdWaitsForAManualSync() {
    Map<String, Application> apps = applications(Manifests.of("delivery/base"));

    for (String env : List.of("dev", "test")) {
      JsonNode automated = apps.get(env).syncPolicy().path("automated");
      assertTrue(automated.path("prune").asBoolean(), env + " prunes: " + automated);
      assertTrue(automated.path("selfHeal").asBoolean(), env + " heals drift: " + automated);
    }
    JsonNode prod = apps.get("prod").syncPolicy();
    assertTrue(prod.path("automated").isMissingNode(), "prod syncs only by hand: " + prod);
    assertTrue(
        prod.path("syncOptions").toString().contains("ServerSideApply=true"),
        "prod keeps the sync options: " + prod);
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "test", "prod"})
  void eachClustersArgoCdKeepsItsOwnEnvironmentOnly(String env) {
    ObjectNode set = Manifests.of("delivery/" + env).custom("ApplicationSet", "notejam");
    JsonNode generator = set.at("/spec/generators/0");

    List<String> selected =
        elements(generator).stream()
            .filter(e -> matches(generator.path("selector"), e))
            .map(e -> e.path("env").asText())
            .toList();
    assertEquals(List.of(env), selected);
  }

  /** The repository URL is one value: set once in source.yaml, used by project and template. */
  @Test
  void theRepositoryIsNamedOnceAndUsedByTheProjectAndEveryApplication() throws IOException {
    JsonNode source =
        Manifests.YAML.readTree(Manifests.DEPLOY.resolve("delivery/base/source.yaml").toFile());
    String url = source.path("data").path("repoURL").asText();
    assertTrue(url.startsWith("https://"), url);

    for (String env : ENVIRONMENTS) {
      Manifests delivery = Manifests.of("delivery/" + env);
      assertEquals(
          List.of(url),
          List.copyOf(texts(delivery.custom("AppProject", "notejam").at("/spec/sourceRepos"))),
          env);
      JsonNode appSource =
          delivery.custom("ApplicationSet", "notejam").at("/spec/template/spec/source");
      assertEquals(url, appSource.path("repoURL").asText());
      assertEquals(
          source.path("data").path("targetRevision").asText(),
          appSource.path("targetRevision").asText());
      assertTrue(delivery.customs("ConfigMap").isEmpty(), "source.yaml is never applied");
      delivery.raw.forEach(o -> assertEquals("argocd", o.at("/metadata/namespace").asText()));
    }
  }

  /**
   * The project admits what the overlays deploy and nothing more: their namespaces, and of the
   * cluster-scoped kinds exactly those they render (objects without a namespace).
   */
  @Test
  void theProjectAdmitsTheOverlaysNamespacesAndClusterScopedKindsOnly() {
    ObjectNode project = Manifests.of("delivery/base").custom("AppProject", "notejam");
    Set<String> destinations = new TreeSet<>();
    project
        .at("/spec/destinations")
        .forEach(
            d -> {
              assertEquals("https://kubernetes.default.svc", d.path("server").asText());
              destinations.add(d.path("namespace").asText());
            });
    Set<String> clusterKinds = new TreeSet<>();
    project
        .at("/spec/clusterResourceWhitelist")
        .forEach(k -> clusterKinds.add(k.path("group").asText() + "/" + k.path("kind").asText()));

    Set<String> namespaces = new TreeSet<>();
    Set<String> rendered = new TreeSet<>();
    for (Application app : applications(Manifests.of("delivery/base")).values()) {
      namespaces.add(app.namespace());
      for (ObjectNode o : Manifests.of(app.path().substring("deploy/".length())).raw) {
        if (o.at("/metadata/namespace").isMissingNode()) {
          String apiVersion = o.path("apiVersion").asText();
          String group = apiVersion.contains("/") ? apiVersion.split("/")[0] : "";
          rendered.add(group + "/" + o.path("kind").asText());
        }
      }
    }
    assertEquals(namespaces, destinations);
    assertEquals(rendered, clusterKinds);
  }

  @ParameterizedTest
  @ValueSource(strings = {"overlays/dev", "overlays/test", "overlays/prod"})
  void theRolloutTakesOverTheOverlaysDeployment(String dir) {
    Manifests overlay = Manifests.of(dir);
    JsonNode spec = overlay.custom("Rollout", OverlayTest.APP).path("spec");

    JsonNode ref = spec.path("workloadRef");
    assertEquals("apps/v1", ref.path("apiVersion").asText());
    assertEquals("Deployment", ref.path("kind").asText());
    overlay.custom("Deployment", ref.path("name").asText());
    assertEquals("progressively", ref.path("scaleDown").asText(), "no capacity lost on takeover");
    // The Deployment stays the one pod template; the count belongs to whatever scales the app.
    assertTrue(spec.path("template").isMissingNode(), "a second pod template");
    assertTrue(spec.path("replicas").isMissingNode(), "replicas would fight the autoscaler");
  }

  /** deploy/local plays the dev overlay's Deployment, which must not change for the Rollout. */
  @Test
  void theLocalPlayKeepsThePlainDeployment() {
    JsonNode local = Manifests.of("local").custom("Deployment", OverlayTest.APP).path("spec");
    assertTrue(local.path("replicas").isMissingNode());
  }

  @ParameterizedTest
  @ValueSource(strings = {"overlays/dev", "overlays/test", "overlays/prod"})
  void everyCanaryStepIsAnalysedBeforeTheNextWeightAndTheLastIsTheWholeApp(String dir) {
    Manifests overlay = Manifests.of(dir);
    List<JsonNode> steps =
        list(overlay.custom("Rollout", OverlayTest.APP).at("/spec/strategy/canary/steps"));

    int analyses = 0;
    for (int i = 0; i < steps.size(); i++) {
      JsonNode step = steps.get(i);
      if (step.has("setWeight") && step.path("setWeight").asInt() < 100) {
        // Between this weight and the next one there is an analysis.
        boolean analysed =
            steps.subList(i + 1, steps.size()).stream()
                .takeWhile(s -> !s.has("setWeight"))
                .anyMatch(s -> s.has("analysis"));
        assertTrue(analysed, dir + ": weight " + step.path("setWeight") + " goes on unanalysed");
      }
      if (step.has("analysis")) {
        analyses++;
        JsonNode analysis = step.path("analysis");
        for (JsonNode ref : analysis.path("templates")) {
          JsonNode template = overlay.custom("AnalysisTemplate", ref.path("templateName").asText());
          Set<String> given = new TreeSet<>(texts(analysis.path("args"), "name"));
          Set<String> wanted = new TreeSet<>(texts(template.at("/spec/args"), "name"));
          assertEquals(wanted, given, dir + ": the arguments the template needs");
        }
      }
    }
    assertTrue(analyses >= 2, dir + ": " + analyses + " analysis steps");
    assertEquals(100, steps.get(steps.size() - 1).path("setWeight").asInt());
  }

  /**
   * The queries are valid PromQL over the app's own metrics, and they measure the canary alone: a
   * canary failing 5 % of its requests and answering in over 2.5 s fails both metrics, however
   * healthy the stable pods around it are, while a healthy canary passes.
   */
  @Test
  void theAnalysisFailsABadCanaryAndPassesAGoodOneWhateverTheStablePodsDo()
      throws IOException, InterruptedException {
    ObjectNode template =
        Manifests.of("overlays/prod").custom("AnalysisTemplate", "notejam-canary");
    Map<String, JsonNode> metrics = new LinkedHashMap<>();
    template.at("/spec/metrics").forEach(m -> metrics.put(m.path("name").asText(), m));
    assertEquals(Set.of("error-ratio", "p99-latency"), metrics.keySet());

    String prometheusRules =
        Files.readString(Manifests.DEPLOY.resolve("monitoring/prometheus-rule.yaml"));
    for (JsonNode metric : metrics.values()) {
      JsonNode prometheus = metric.at("/provider/prometheus");
      assertEquals(
          "http://kube-prometheus-stack-prometheus.monitoring:9090",
          prometheus.path("address").asText());
      assertTrue(metric.path("failureLimit").asInt(-1) >= 0, "a failure limit aborts the canary");
      assertTrue(
          metric.path("count").asInt() > metric.path("failureLimit").asInt(),
          "enough measurements to reach the failure limit");
      for (String name : metricNames(prometheus.path("query").asText())) {
        assertTrue(
            prometheusRules.contains(name), name + " is not a metric deploy/monitoring knows");
      }
    }

    // 1 request in 20 fails, all take 4 s: p99 interpolates to 2.5 + 0.99 * (5 - 2.5) s.
    Map<String, Double> bad = Map.of("error-ratio", 0.05, "p99-latency", 4.975);
    assertPromtoolComputes(metrics, 1, 19, 4.0, bad);
    // None fails, all take 0.1 s: p99 0.99 * 0.25 s, as PromQL's interpolation rounds it
    // (promtool compares exactly).
    Map<String, Double> good = Map.of("error-ratio", 0.0, "p99-latency", 0.24749999999999997);
    assertPromtoolComputes(metrics, 0, 20, 0.1, good);
    for (String name : metrics.keySet()) {
      String condition = metrics.get(name).path("successCondition").asText();
      assertFalse(passes(condition, bad.get(name)), name + " passes a bad canary: " + condition);
      assertTrue(passes(condition, good.get(name)), name + " fails a good canary: " + condition);
    }
  }

  /** The label the queries select the canary by is the one the ServiceMonitor gives each series. */
  @ParameterizedTest
  @ValueSource(strings = {"overlays/dev", "overlays/test", "overlays/prod"})
  void theCanarysSeriesCarryTheLabelTheQueriesSelectBy(String dir) {
    Manifests overlay = Manifests.of(dir);
    Set<String> podLabels =
        new TreeSet<>(
            texts(overlay.custom("ServiceMonitor", OverlayTest.APP).at("/spec/podTargetLabels")));
    assertTrue(podLabels.contains("rollouts-pod-template-hash"), dir + ": " + podLabels);
    overlay
        .custom("AnalysisTemplate", "notejam-canary")
        .at("/spec/metrics")
        .forEach(
            m ->
                assertTrue(
                    m.at("/provider/prometheus/query")
                        .asText()
                        .contains("rollouts_pod_template_hash=\"{{ args.canary-hash }}\""),
                    m.path("name").asText() + " selects the canary's pods"));
  }

  /**
   * Every command of the top README's delivery sections names what exists: the directories it
   * applies or renders render, the Application it syncs is generated, the Rollout it drives is in
   * the namespace it names.
   */
  @Test
  void everyCommandOfTheDeployingSectionsNamesWhatRenders() throws IOException {
    String readme = Files.readString(Manifests.REPO.resolve("README.md"));
    String sections =
        readme.substring(
            readme.indexOf("### Prerequisites on the cluster (once)"),
            readme.indexOf("### Backups: EBS snapshots"));
    Set<String> applications =
        applications(Manifests.of("delivery/base")).values().stream()
            .map(Application::name)
            .collect(Collectors.toSet());
    Pattern kustomize = Pattern.compile("kubectl (?:apply -k|kustomize) deploy/([^\\s`]+)");
    Pattern sync = Pattern.compile("argocd app sync (\\S+)");
    Pattern rollouts =
        Pattern.compile("kubectl argo rollouts \\w+ (?:rollout )?(\\S+) -n (notejam-(\\w+))");
    int commands = 0;
    for (String line : sections.lines().toList()) {
      for (Matcher m = kustomize.matcher(line); m.find(); commands++) {
        assertFalse(Manifests.of(m.group(1)).raw.isEmpty(), line);
      }
      for (Matcher m = sync.matcher(line); m.find(); commands++) {
        assertTrue(applications.contains(m.group(1).replace("`", "")), line);
      }
      for (Matcher m = rollouts.matcher(line); m.find(); commands++) {
        JsonNode rollout = Manifests.of("overlays/" + m.group(3)).custom("Rollout", m.group(1));
        assertEquals(m.group(2), rollout.at("/metadata/namespace").asText(), line);
      }
    }
    assertTrue(commands >= 7, commands + " commands found");
  }

  // --- the ApplicationSet, expanded as Argo CD does for this one's features ---

  /** The Applications of the ApplicationSet (no selector applied), by environment. */
  static Map<String, Application> applications(Manifests delivery) {
    ObjectNode set = delivery.custom("ApplicationSet", "notejam");
    assertTrue(set.at("/spec/goTemplate").asBoolean(), "go templates");
    assertEquals(1, set.at("/spec/generators").size(), "one list generator");
    JsonNode template = set.at("/spec/template");
    assertTrue(
        template.at("/spec/syncPolicy/automated").isMissingNode(),
        "automated sync comes from the patch, for the environments that want it");
    Map<String, Application> apps = new LinkedHashMap<>();
    for (JsonNode element : elements(set.at("/spec/generators/0"))) {
      JsonNode syncPolicy = template.at("/spec/syncPolicy").deepCopy();
      JsonNode patch = templatePatch(set.at("/spec/templatePatch").asText(), element);
      if (patch != null) {
        ((ObjectNode) syncPolicy).setAll((ObjectNode) patch.at("/spec/syncPolicy"));
      }
      apps.put(
          element.path("env").asText(),
          new Application(
              substitute(template.at("/metadata/name").asText(), element),
              substitute(template.at("/spec/source/path").asText(), element),
              substitute(template.at("/spec/destination/namespace").asText(), element),
              syncPolicy));
    }
    return apps;
  }

  private static List<JsonNode> elements(JsonNode generator) {
    return list(generator.at("/list/elements"));
  }

  /** The post-selector: every matchLabels entry equals the element's parameter. */
  private static boolean matches(JsonNode selector, JsonNode element) {
    List<Map.Entry<String, JsonNode>> labels = new ArrayList<>();
    selector.path("matchLabels").fields().forEachRemaining(labels::add);
    assertEquals(Set.of("matchLabels"), fieldNames(selector), "only matchLabels is expanded here");
    return labels.stream()
        .allMatch(l -> l.getValue().asText().equals(element.path(l.getKey()).asText()));
  }

  /**
   * The template patch is one {@code if} on a boolean parameter around plain YAML: the patch for an
   * element whose parameter is true, else none. Anything else fails, rather than being guessed at.
   */
  private static JsonNode templatePatch(String text, JsonNode element) {
    List<String> lines = text.strip().lines().toList();
    Matcher condition = Pattern.compile("\\{\\{- if \\.(\\w+) }}").matcher(lines.get(0).strip());
    assertTrue(condition.matches(), "templatePatch starts with an if: " + lines.get(0));
    assertEquals("{{- end }}", lines.get(lines.size() - 1).strip());
    JsonNode flag = element.path(condition.group(1));
    assertTrue(flag.isBoolean(), condition.group(1) + " is a boolean in " + element);
    if (!flag.asBoolean()) {
      return null;
    }
    String body = String.join("\n", lines.subList(1, lines.size() - 1));
    assertFalse(body.contains("{{"), "only the if is templated: " + body);
    try {
      return Manifests.YAML.readTree(body);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static String substitute(String text, JsonNode element) {
    Matcher m = GO_PARAM.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      assertTrue(element.has(m.group(1)), m.group(1) + " is a parameter of " + element);
      m.appendReplacement(out, Matcher.quoteReplacement(element.path(m.group(1)).asText()));
    }
    m.appendTail(out);
    assertFalse(out.toString().contains("{{"), "an expression not expanded here: " + text);
    return out.toString();
  }

  // --- the analysis in promtool ---

  /**
   * Each metric's query, with the canary's hash and namespace filled in, over one canary pod
   * ({@code errors} 5xx and {@code ok} 2xx requests a minute, each taking {@code seconds}) next to
   * a stable pod that is fast and never fails: promtool evaluates them after ten minutes and must
   * get {@code expected}.
   */
  private static void assertPromtoolComputes(
      Map<String, JsonNode> metrics,
      int errors,
      int ok,
      double seconds,
      Map<String, Double> expected)
      throws IOException, InterruptedException {
    String promtool =
        Manifests.onPathOrSkip("promtool", "the analysis queries", "install Debian's prometheus");
    Path dir = Files.createDirectories(Manifests.DEPLOY.resolve("target/canary-analysis"));
    StringBuilder rules = new StringBuilder("groups:\n  - name: canary\n    rules:\n");
    StringBuilder tests = new StringBuilder();
    for (Map.Entry<String, JsonNode> metric : metrics.entrySet()) {
      String query =
          metric
              .getValue()
              .at("/provider/prometheus/query")
              .asText()
              .replace("{{ args.canary-hash }}", "canary")
              .replace("{{ args.namespace }}", "notejam-prod");
      assertFalse(query.contains("{{"), "an argument the test does not fill: " + query);
      String record = "canary:" + metric.getKey().replace('-', '_');
      rules
          .append("      - record: ")
          .append(record)
          .append("\n        expr: ")
          .append(new ObjectMapper().writeValueAsString(query))
          .append('\n');
      tests
          .append("      - expr: ")
          .append(record)
          .append("\n        eval_time: 10m\n        exp_samples:\n          - labels: ")
          .append(record)
          .append("\n            value: ")
          .append(expected.get(metric.getKey()))
          .append('\n');
    }
    Files.writeString(dir.resolve("rules.yaml"), rules);

    List<String> series = new ArrayList<>();
    pod(series, "canary", errors, ok, seconds);
    pod(series, "stable", 0, 200, 0.05);
    // The canary's static assets fail too: the SLOs leave them out.
    series.add(count("canary", "asset", "5xx") + "\n        values: '0+50x20'");
    StringBuilder test =
        new StringBuilder(
            "rule_files:\n  - rules.yaml\nevaluation_interval: 1m\ntests:\n  - interval: 1m\n"
                + "    input_series:\n");
    series.forEach(s -> test.append("      - series: ").append(s).append('\n'));
    test.append("    promql_expr_test:\n").append(tests);
    Files.writeString(dir.resolve("test.yaml"), test);

    Process run =
        new ProcessBuilder(promtool, "test", "rules", "test.yaml")
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .start();
    String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(run.waitFor(60, TimeUnit.SECONDS), "promtool finished");
    assertEquals(0, run.exitValue(), "expected " + expected + "\n" + output + "\n" + test);
  }

  private static void pod(List<String> series, String hash, int errors, int ok, double seconds) {
    series.add(count(hash, "note", "5xx") + "\n        values: '0+" + errors + "x20'");
    series.add(count(hash, "note", "2xx") + "\n        values: '0+" + ok + "x20'");
    int total = errors + ok;
    for (String le : List.of("0.25", "1", "2.5", "5", "+Inf")) {
      double bound = le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le);
      int below = bound >= seconds ? total : 0;
      series.add(
          "'notejam_page_request_seconds_bucket{namespace=\"notejam-prod\","
              + " rollouts_pod_template_hash=\""
              + hash
              + "\", page=\"note\", le=\""
              + le
              + "\"}'\n        values: '0+"
              + below
              + "x20'");
    }
  }

  private static String count(String hash, String page, String status) {
    return "'notejam_page_request_seconds_count{namespace=\"notejam-prod\","
        + " rollouts_pod_template_hash=\""
        + hash
        + "\", page=\""
        + page
        + "\", status=\""
        + status
        + "\"}'";
  }

  /**
   * A success condition of the form the template uses: "no data, or NaN, or result[0] OP limit",
   * evaluated for one value. Any other form fails the test, so it is never misread.
   */
  static boolean passes(String condition, double value) {
    Matcher m =
        Pattern.compile(
                "len\\(result\\) == 0 \\|\\| isNaN\\(result\\[0]\\) \\|\\| result\\[0] (<=|<)"
                    + " ([0-9.]+)")
            .matcher(condition.strip());
    assertTrue(m.matches(), "a condition of an unexpected form: " + condition);
    double limit = Double.parseDouble(m.group(2));
    return Double.isNaN(value) || (m.group(1).equals("<") ? value < limit : value <= limit);
  }

  /** The metric names a query reads: identifiers followed by a selector or a range. */
  static Set<String> metricNames(String query) {
    Matcher m = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*\\{").matcher(query);
    Set<String> names = new TreeSet<>();
    while (m.find()) {
      names.add(m.group(1));
    }
    assertFalse(names.isEmpty(), "no metric in " + query);
    return names;
  }

  private static List<JsonNode> list(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).collect(Collectors.toList());
  }

  private static List<String> texts(JsonNode array) {
    return list(array).stream().map(JsonNode::asText).toList();
  }

  private static List<String> texts(JsonNode array, String field) {
    return list(array).stream().map(n -> n.path(field).asText()).toList();
  }

  private static Set<String> fieldNames(JsonNode node) {
    Set<String> names = new TreeSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
