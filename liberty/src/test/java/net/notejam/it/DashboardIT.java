package net.notejam.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import net.notejam.it.support.Accounts;
import net.notejam.it.support.Browser;
import net.notejam.it.support.Metrics;
import net.notejam.it.support.Notejam;
import org.junit.jupiter.api.Test;

/**
 * The Grafana dashboard that deploy/monitoring ships asks only for metrics this server really
 * exposes: every metric named in a panel query or a template variable is checked against a live
 * scrape of /metrics, taken after a little activity so that the application counters exist. The
 * names deploy/monitoring/exported-metrics.yaml gives to another exporter (the database panels'
 * CloudNativePG metrics, kube-state-metrics) are not the server's: deploy's DashboardTest checks
 * that list, and this test that the list's "notejam" part is what the server exposes.
 */
class DashboardIT {

  private static final Pattern SELECTOR = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*\\{");
  private static final Pattern LABEL_VALUES =
      Pattern.compile("label_values\\(\\s*([a-zA-Z_:][a-zA-Z0-9_:]*)");

  @Test
  void everyPanelQueryNamesAMetricTheAppExposes() throws IOException {
    Browser user = Accounts.signedInUser(Accounts.newEmail());
    Notejam.createdNote(user, "For the scrape", "text", Notejam.createPad(user, "Scrape"));
    Set<String> exposed =
        Metrics.scrape()
            .text()
            .lines()
            .filter(l -> !l.startsWith("#") && !l.isBlank())
            .map(l -> l.replaceAll("[{ ].*", ""))
            .collect(Collectors.toCollection(TreeSet::new));

    JsonObject dashboard;
    try (Reader reader = Files.newBufferedReader(Path.of(System.getProperty("notejam.dashboard")));
        JsonReader json = Json.createReader(reader)) {
      dashboard = json.readObject();
    }
    List<String> queries = new ArrayList<>();
    collectQueries(dashboard, queries);
    assertTrue(queries.size() >= 10, "the dashboard has its panel queries: " + queries.size());

    Set<String> named = new TreeSet<>();
    for (String query : queries) {
      for (Pattern p : List.of(SELECTOR, LABEL_VALUES)) {
        Matcher m = p.matcher(query);
        while (m.find()) {
          named.add(m.group(1));
        }
      }
    }
    assertTrue(named.size() >= 10, "metrics named: " + named);
    Path dashboardFile = Path.of(System.getProperty("notejam.dashboard"));
    Set<String> others = otherExporters(dashboardFile.resolveSibling("../exported-metrics.yaml"));
    assertTrue(others.contains("cnpg_pg_replication_lag"), "the other exporters' names: " + others);
    Set<String> unknown = new TreeSet<>(named);
    unknown.removeAll(others);
    unknown.removeAll(exposed);
    assertEquals(Set.of(), unknown, "dashboard metrics that /metrics does not expose");
  }

  /** The names exported-metrics.yaml lists under an exporter other than "notejam". */
  private static Set<String> otherExporters(Path list) throws IOException {
    Set<String> names = new TreeSet<>();
    String exporter = "";
    for (String line : Files.readAllLines(list.normalize())) {
      if (line.matches("[a-z][a-z0-9-]*:\\s*")) {
        exporter = line.substring(0, line.indexOf(':'));
      } else if (line.startsWith("  - ") && !exporter.equals("notejam")) {
        names.add(line.substring(4).strip());
      }
    }
    return names;
  }

  /** Every "expr" (panel targets) and "query" (template variables) anywhere in the JSON. */
  private static void collectQueries(JsonValue value, List<String> queries) {
    if (value instanceof JsonObject object) {
      object.forEach(
          (key, child) -> {
            if ((key.equals("expr") || key.equals("query"))
                && child.getValueType() == JsonValue.ValueType.STRING) {
              queries.add(object.getString(key));
            } else {
              collectQueries(child, queries);
            }
          });
    } else if (value.getValueType() == JsonValue.ValueType.ARRAY) {
      value.asJsonArray().forEach(child -> collectQueries(child, queries));
    }
  }
}
