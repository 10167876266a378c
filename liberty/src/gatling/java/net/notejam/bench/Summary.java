package net.notejam.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes {@code load-summary.txt}: one line per stage (throughput, p50/p95/p99, errors) read from
 * each stage's Gatling HTML report, the start-to-ready time and the resident memory measured by
 * start.sh and stop.sh, and the wrk measurement's table (WrkBenchmark); copies the HTML reports
 * beside it.
 */
public final class Summary {

  private static final int[] MULTIPLIERS = {1, 2, 4};

  private Summary() {}

  public static void main(String[] args) throws IOException {
    Path out = Settings.OUT;
    Path gatling = Path.of(System.getProperty("notejam.bench.gatling", "target/gatling"));
    Files.createDirectories(out);
    List<String> lines = new ArrayList<>();
    lines.add(
        "Notejam load benchmark (Gatling "
            + gatlingVersion()
            + "), "
            + java.time.LocalDateTime.now().withNano(0)
            + ".");
    lines.add(
        String.format(
            Locale.ROOT,
            "Baseline concurrency: %d virtual users; stages of %d s of browsing at 1x, 2x and 4x"
                + " (users started over %d s, each signs in once, then pauses %d-%d ms between pages),"
                + " after an unmeasured %d s warm-up at 1x.",
            Settings.BASE_USERS,
            Settings.STAGE_SECONDS,
            Settings.RAMP_SECONDS,
            Settings.THINK_MIN_MS,
            Settings.THINK_MAX_MS,
            Settings.WARMUP_SECONDS));
    lines.add(
        "Mix: list all notes 35 %, open a pad 25 %, view a note 25 %, create a note 10 %,"
            + " edit own note 5 %; a quarter of the people have 10 000 notes, the rest 50.");
    lines.add(
        "The load generator, Liberty and PostgreSQL share the same 2 cores: the figures are"
            + " those of one small machine, not of the server alone.");
    lines.add("");
    lines.add(
        String.format(
            Locale.ROOT,
            "%-5s %5s %9s %12s %8s %8s %8s %8s  %s",
            "stage",
            "users",
            "requests",
            "throughput",
            "p50",
            "p95",
            "p99",
            "errors",
            "report"));
    for (int m : MULTIPLIERS) {
      String name = "stage" + m + "x";
      Optional<Path> run = latestRun(gatling, name);
      if (run.isEmpty()) {
        lines.add(
            String.format(
                Locale.ROOT, "%-5s %5d  no Gatling run found", m + "x", Settings.BASE_USERS * m));
        continue;
      }
      Map<String, String> all = allRequests(readReport(run.get()));
      Path copy = out.resolve("gatling").resolve(name);
      copyTree(run.get(), copy);
      lines.add(
          String.format(
              Locale.ROOT,
              "%-5s %5d %9s %8s r/s %5s ms %5s ms %5s ms %8s  %s",
              m + "x",
              Settings.BASE_USERS * m,
              all.get("Total"),
              all.get("Cnt/s"),
              all.get("50th pct"),
              all.get("95th pct"),
              all.get("99th pct"),
              all.get("KO"),
              out.relativize(copy.resolve("index.html"))));
    }
    latestRun(gatling, "stage4x")
        .ifPresent(
            run -> {
              lines.add("");
              lines.add(
                  String.format(
                      Locale.ROOT,
                      "4x per request %-17s %9s %8s %8s",
                      "",
                      "requests",
                      "p50",
                      "p99"));
              perRequest(readReport(run))
                  .forEach(
                      (request, values) ->
                          lines.add(
                              String.format(
                                  Locale.ROOT,
                                  "   %-28s %9s %5s ms %5s ms",
                                  request,
                                  values.get("Total"),
                                  values.get("50th pct"),
                                  values.get("99th pct"))));
            });
    lines.add("");
    lines.add(
        "Throughput: requests per second over the stage (sign-in included);"
            + " p50/p95/p99: response time of all requests; errors: failed requests (wrong status,"
            + " missing form or note).");
    lines.add(
        "Server start-to-ready (launch until GET /health/ready answers 200): "
            + read(out.resolve("start-to-ready.txt")).map(ms -> ms + " ms").orElse("not measured"));
    lines.add(
        "Resident memory of the Liberty JVM after the load (VmRSS): "
            + read(out.resolve("rss.txt"))
                .map(
                    kb ->
                        String.format(Locale.ROOT, "%d MiB (%s kB)", Long.parseLong(kb) / 1024, kb))
                .orElse("not measured"));
    lines.add("");
    Path wrk = out.resolve("wrk-summary.txt");
    if (Files.exists(wrk)) {
      lines.addAll(Files.readAllLines(wrk));
    } else {
      lines.add("wrk measurement: not run (no " + wrk + ")");
    }
    lines.add("");
    lines.add(
        "HTML reports: "
            + out.resolve("gatling")
            + "/<stage>/index.html (copies of "
            + gatling
            + ").");
    Path summary = out.resolve("load-summary.txt");
    Files.write(summary, lines);
    lines.forEach(System.out::println);
    System.out.println("Written to " + summary);
  }

  private static Optional<Path> latestRun(Path gatling, String name) throws IOException {
    if (!Files.isDirectory(gatling)) {
      return Optional.empty();
    }
    try (Stream<Path> runs = Files.list(gatling)) {
      return runs.filter(p -> p.getFileName().toString().startsWith(name + "-"))
          .filter(p -> Files.exists(p.resolve("index.html")))
          .max(Comparator.comparing(p -> p.getFileName().toString()));
    }
  }

  /**
   * The "All Requests" row of the statistics table in Gatling's HTML report, by column title
   * ("Total", "KO", "Cnt/s", "50th pct", "95th pct", "99th pct", ...). Gatling 3.15 writes the
   * statistics only into the page (no js/global_stats.json any more).
   */
  static Map<String, String> allRequests(String html) {
    int row = html.indexOf("<tr id=\"ROOT\"");
    if (row < 0) {
      throw new IllegalStateException("No \"All Requests\" row in Gatling's report");
    }
    return statistics(html, row);
  }

  /** Each request's row of the same table, by the request's name, in the report's order. */
  static Map<String, Map<String, String>> perRequest(String html) {
    Map<String, Map<String, String>> requests = new LinkedHashMap<>();
    Matcher row =
        Pattern.compile(
                "<tr id=\"req_[^\"]*\" data-parent=\"ROOT\">.*?class=\"ellipsed-name\">([^<]*)<",
                Pattern.DOTALL)
            .matcher(html);
    while (row.find()) {
      requests.putIfAbsent(row.group(1).strip(), statistics(html, row.start()));
    }
    return requests;
  }

  /** The statistics of the table row that starts at {@code row}, by column title. */
  private static Map<String, String> statistics(String html, int row) {
    Map<String, String> titles = new HashMap<>();
    Matcher th =
        Pattern.compile("<th id=\"(col-\\d+)\"[^>]*>(.*?)</th>", Pattern.DOTALL).matcher(html);
    while (th.find()) {
      titles.put(th.group(1), th.group(2).replaceAll("<[^>]*>", "").strip());
    }
    String cells = html.substring(row, html.indexOf("</tr>", row));
    Map<String, String> values = new HashMap<>();
    Matcher td =
        Pattern.compile("<td class=\"value [a-z]+ (col-\\d+)\">([^<]*)</td>").matcher(cells);
    while (td.find()) {
      values.put(titles.getOrDefault(td.group(1), td.group(1)), td.group(2).strip());
    }
    for (String needed : List.of("Total", "KO", "Cnt/s", "50th pct", "95th pct", "99th pct")) {
      if (!values.containsKey(needed)) {
        throw new IllegalStateException("No \"" + needed + "\" in Gatling's statistics: " + values);
      }
    }
    return values;
  }

  private static String readReport(Path run) {
    try {
      return Files.readString(run.resolve("index.html"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Optional<String> read(Path file) throws IOException {
    return Files.exists(file) ? Optional.of(Files.readString(file).strip()) : Optional.empty();
  }

  private static String gatlingVersion() {
    String version =
        io.gatling.javaapi.core.Simulation.class.getPackage().getImplementationVersion();
    return version == null ? "3" : version;
  }

  private static void copyTree(Path from, Path to) throws IOException {
    if (Files.exists(to)) {
      try (Stream<Path> old = Files.walk(to)) {
        old.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    try (Stream<Path> files = Files.walk(from)) {
      files.forEach(
          p -> {
            try {
              Path target = to.resolve(from.relativize(p).toString());
              if (Files.isDirectory(p)) {
                Files.createDirectories(target);
              } else {
                Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
              }
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    }
  }
}
