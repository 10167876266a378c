package net.notejam.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The dashboard, the alerting rules and their promtool tests query only metrics that an exporter
 * really exports (deploy/monitoring/exported-metrics.yaml) or that a recording rule records: a
 * misspelt name would otherwise be an empty panel or an alert that never fires, and a promtool test
 * fed with it would prove nothing.
 */
class DashboardTest {

  private static final Path MONITORING = Manifests.DEPLOY.resolve("monitoring");
  private static final Pattern IDENTIFIER =
      Pattern.compile("(?<![\\w.:])([a-zA-Z_:][a-zA-Z0-9_:]*+)(?!\\s*\\()");
  private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "offset", "bool");

  @Test
  void everyDashboardQueryUsesAnExportedOrRecordedMetric() throws IOException {
    Map<String, Set<String>> unknown = new TreeMap<>();
    for (Map.Entry<String, String> query : dashboardQueries().entrySet()) {
      Set<String> names = metricNames(query.getValue());
      assertFalse(names.isEmpty(), query.getKey() + " queries no metric: " + query.getValue());
      names.removeAll(known());
      if (!names.isEmpty()) {
        unknown.put(query.getKey(), names);
      }
    }
    assertEquals(Map.of(), unknown, "queries of metrics nothing exports");
  }

  @Test
  void everyRuleAndEveryPromtoolSeriesUsesAnExportedOrRecordedMetric() throws IOException {
    Set<String> used = new TreeSet<>();
    for (JsonNode group : rules().at("/spec/groups")) {
      for (JsonNode rule : group.path("rules")) {
        used.addAll(metricNames(rule.path("expr").asText()));
      }
    }
    JsonNode tests =
        Manifests.YAML.readTree(MONITORING.resolve("tests/notejam-rules.test.yaml").toFile());
    for (JsonNode test : tests.path("tests")) {
      for (JsonNode series : test.path("input_series")) {
        used.add(series.path("series").asText().split("\\{", 2)[0].trim());
      }
    }
    used.removeAll(known());
    assertEquals(Set.of(), used, "rules or their tests use metrics nothing exports");
  }

  @Test
  void theDatabaseRowShowsReplicationConnectionsTransactionsBackupsAndWalArchiving()
      throws IOException {
    Set<String> database = new HashSet<>();
    dashboardQueries()
        .forEach(
            (panel, expr) -> {
              if (panel.startsWith("Database/")) {
                database.addAll(metricNames(expr));
              }
            });
    assertTrue(
        database.containsAll(
            Set.of(
                "cnpg_pg_replication_lag",
                "cnpg_backends_total",
                "cnpg_pg_stat_database_xact_commit",
                "barman_cloud_cloudnative_pg_io_last_available_backup_timestamp",
                "cnpg_pg_stat_archiver_failed_count")),
        database.toString());
  }

  /** The check itself: a misspelt name in a query is found, label values and functions are not. */
  @Test
  void aMisspeltMetricIsFoundAndLabelsFunctionsAndVariablesAreNot() {
    Set<String> names =
        metricNames(
            "histogram_quantile(0.95, sum by (le, page) (rate(notejam_page_request_secnds_bucket"
                + "{namespace=\"$namespace\", page!=\"asset\"}[$__rate_interval])))"
                + " and on (namespace) time() - max(cnpg_pg_replication_lag offset 5m) > 30");
    assertEquals(Set.of("notejam_page_request_secnds_bucket", "cnpg_pg_replication_lag"), names);
    assertFalse(known().contains("notejam_page_request_secnds_bucket"));
  }

  /**
   * The metric names in a PromQL expression: identifiers outside label matchers, ranges, strings
   * and grouping clauses that are not functions or keywords.
   */
  static Set<String> metricNames(String expr) {
    String bare =
        expr.replaceAll("\"[^\"]*\"", "\"\"")
            .replaceAll("\\{[^}]*}", " ")
            .replaceAll("\\[[^\\]]*]", " ")
            .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ")
            .replaceAll("\\$\\w+", " ");
    Set<String> names = new TreeSet<>();
    Matcher m = IDENTIFIER.matcher(bare);
    while (m.find()) {
      if (!KEYWORDS.contains(m.group(1))) {
        names.add(m.group(1));
      }
    }
    return names;
  }

  /** Each query of the dashboard, by "row/panel title/refId" or "variable/name". */
  private static Map<String, String> dashboardQueries() throws IOException {
    JsonNode dashboard =
        new ObjectMapper().readTree(MONITORING.resolve("grafana/notejam-dashboard.json").toFile());
    Map<String, String> queries = new TreeMap<>();
    String row = "";
    for (JsonNode panel : dashboard.path("panels")) {
      if ("row".equals(panel.path("type").asText())) {
        row = panel.path("title").asText();
        continue;
      }
      List<JsonNode> targets = new ArrayList<>();
      panel.path("targets").forEach(targets::add);
      assertFalse(targets.isEmpty(), panel.path("title").asText() + " has no query");
      for (JsonNode target : targets) {
        queries.put(
            row + "/" + panel.path("title").asText() + "/" + target.path("refId").asText(),
            target.path("expr").asText());
      }
    }
    for (JsonNode variable : dashboard.at("/templating/list")) {
      if ("query".equals(variable.path("type").asText())) {
        queries.put(
            "variable/" + variable.path("name").asText(),
            variable
                .at("/query/query")
                .asText()
                // label_values(metric, label): the label is no metric.
                .replaceAll("label_values\\((.*),\\s*\\w+\\s*\\)", "$1"));
      }
    }
    return queries;
  }

  private static JsonNode rules() throws IOException {
    for (JsonNode doc :
        Manifests.YAML
            .readerFor(JsonNode.class)
            .<JsonNode>readValues(MONITORING.resolve("prometheus-rule.yaml").toFile())
            .readAll()) {
      if ("PrometheusRule".equals(doc.path("kind").asText())) {
        return doc;
      }
    }
    throw new AssertionError("no PrometheusRule in prometheus-rule.yaml");
  }

  /** What the exporters export, and what the rules record. */
  private static Set<String> known() {
    try {
      Set<String> known = new HashSet<>();
      Manifests.YAML
          .readTree(MONITORING.resolve("exported-metrics.yaml").toFile())
          .elements()
          .forEachRemaining(exporter -> exporter.forEach(name -> known.add(name.asText())));
      for (JsonNode group : rules().at("/spec/groups")) {
        for (JsonNode rule : group.path("rules")) {
          if (rule.has("record")) {
            known.add(rule.path("record").asText());
          }
        }
      }
      return known;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
