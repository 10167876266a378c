package net.notejam.bench;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;

/**
 * A fixed-connection, closed-loop measurement with wrk of four endpoints on the seeded server:
 * {@code /health/live}, the all-notes page of a 50-note account, one of its notes, and the first
 * page of a pad of 10 000 notes. Each: an unmeasured wrk run, then a measured one with {@code
 * --latency}. The accounts sign in once through the sign-in form; wrk sends their session cookie.
 * Before measuring, each URL must answer 200 with the expected page for that cookie; any answer
 * other than a 2xx or any socket error in a measured run fails the run (exit status 1). Writes
 * {@code wrk-summary.txt} (the table) and {@code wrk/<endpoint>.txt} (wrk's own output).
 */
public final class WrkBenchmark {

  /** {@code path} on {@code server}: the application's URL, or the management port's. */
  private record Endpoint(
      String name, String file, String server, String path, String role, String title) {
    String url() {
      return server + path;
    }
  }

  private record Result(
      Endpoint endpoint,
      long requests,
      double perSecond,
      double p50,
      double p99,
      long non2xx,
      String firstNon2xx,
      String socketErrors) {
    boolean failed() {
      return non2xx > 0 || !socketErrors.isEmpty();
    }
  }

  private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in ");
  private static final Pattern PER_SECOND = Pattern.compile("Requests/sec:\\s+([\\d.]+)");
  private static final Pattern NON_2XX =
      Pattern.compile("non-2xx responses: (\\d+) \\(first: ([^)]*)\\)");
  private static final Pattern SOCKET_ERRORS = Pattern.compile("Socket errors: ([^\\n]*)");

  private WrkBenchmark() {}

  public static void main(String[] args) throws Exception {
    Seed.ensure();
    Properties accounts = new Properties();
    try (Reader in = Files.newBufferedReader(Seed.wrkAccounts())) {
      accounts.load(in);
    }
    List<Endpoint> endpoints =
        List.of(
            new Endpoint(
                "/health/live", "health-live", Settings.MANAGEMENT_URL, "/health/live", null, null),
            new Endpoint(
                "all notes (" + accounts.getProperty("small.notes") + ")",
                "all-notes",
                Settings.URL,
                "/",
                "small",
                "All notes (" + accounts.getProperty("small.notes") + ")"),
            new Endpoint(
                "one note",
                "one-note",
                Settings.URL,
                "/notes/" + accounts.getProperty("small.note") + "/",
                "small",
                accounts.getProperty("small.noteName")),
            new Endpoint(
                "pad " + thousands(accounts.getProperty("huge.notes")) + ", page 1",
                "pad-page-1",
                Settings.URL,
                "/pads/" + accounts.getProperty("huge.pad") + "/",
                "huge",
                accounts.getProperty("huge.padName")
                    + " ("
                    + accounts.getProperty("huge.notes")
                    + ")"),
            // Every one of the 10 000 notes holds the word: ranking all of them is the worst case.
            new Endpoint(
                "search " + thousands(accounts.getProperty("huge.notes")),
                "search",
                Settings.URL,
                "/search/?q=lorem",
                "huge",
                "Search (" + accounts.getProperty("huge.notes") + ")"));

    Path out = Settings.OUT;
    Files.createDirectories(out.resolve("wrk"));
    Map<String, String> cookies = new HashMap<>();
    List<Result> results = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    // First an unmeasured run of every endpoint: the server has just started, and the endpoint
    // measured first would otherwise pay for compiling the code that all pages share.
    Function<Endpoint, String> cookieOf =
        e -> e.role() == null ? null : cookies.computeIfAbsent(e.role(), r -> signIn(accounts, r));
    for (Endpoint e : endpoints) {
      String cookie = cookieOf.apply(e);
      verify(e, cookie);
      System.out.printf(
          "== wrk %s (%s): warm-up, %d s%n", e.name(), e.path(), Settings.WRK_SECONDS);
      wrk(e, cookie, false);
    }
    for (Endpoint e : endpoints) {
      String cookie = cookieOf.apply(e);
      verify(e, cookie);
      System.out.printf(
          "== wrk %s (%s): %d s unmeasured, then %d s measured%n",
          e.name(), e.path(), Settings.WRK_SECONDS, Settings.WRK_SECONDS);
      wrk(e, cookie, false);
      String output = wrk(e, cookie, true);
      System.out.print(output);
      Files.writeString(out.resolve("wrk").resolve(e.file() + ".txt"), output);
      Result r = parse(e, output);
      results.add(r);
      if (r.failed()) {
        String failure =
            String.format(
                Locale.ROOT,
                "FAILED: %s: %d of %d answers were not 2xx%s%s",
                e.name(),
                r.non2xx(),
                r.requests(),
                r.non2xx() > 0 ? " (first: " + r.firstNon2xx().strip() + ")" : "",
                r.socketErrors().isEmpty() ? "" : "; socket errors: " + r.socketErrors());
        failures.add(failure);
        System.err.println("!!!!! " + failure);
      }
    }

    List<String> lines = table(results);
    // The 10 000-note account's session, signed in for its pad and its search above.
    lines.add(Export.measure(cookies.get("huge"), accounts.getProperty("huge.notes")));
    lines.addAll(failures);
    Files.write(out.resolve("wrk-summary.txt"), lines);
    System.out.println();
    lines.forEach(System.out::println);
    System.out.println("Written to " + out.resolve("wrk-summary.txt"));
    if (!failures.isEmpty()) {
      System.err.println(
          "!!!!! The wrk measurement had answers other than 2xx or socket errors: see above.");
      System.exit(1);
    }
  }

  private static List<String> table(List<Result> results) {
    List<String> lines = new ArrayList<>();
    lines.add(
        String.format(
            Locale.ROOT,
            "wrk %s: %d connections, %d threads, closed loop; per endpoint %d s unmeasured,"
                + " then %d s measured.",
            wrkVersion(),
            Settings.WRK_CONNECTIONS,
            Settings.WRK_THREADS,
            Settings.WRK_SECONDS,
            Settings.WRK_SECONDS));
    lines.add(
        String.format(
            Locale.ROOT,
            "%-20s %9s %9s %10s %10s %8s %6s  %s",
            "endpoint",
            "requests",
            "req/s",
            "p50",
            "p99",
            "non-2xx",
            "socket",
            "req/s ratio to /health/live"));
    Result live = results.get(0);
    for (Result r : results) {
      lines.add(
          String.format(
              Locale.ROOT,
              "%-20s %9d %9.1f %10s %10s %8d %6s  %.3f",
              r.endpoint().name(),
              r.requests(),
              r.perSecond(),
              millis(r.p50()),
              millis(r.p99()),
              r.non2xx(),
              r.socketErrors().isEmpty() ? "0" : "ERR",
              r.perSecond() / live.perSecond()));
    }
    Result allNotes = results.get(1);
    Result pad = results.get(3);
    lines.add(
        String.format(
            Locale.ROOT,
            "%s / %s: p50 latency ratio %.2f, p99 latency ratio %.2f, req/s ratio %.2f",
            pad.endpoint().name(),
            allNotes.endpoint().name(),
            pad.p50() / allNotes.p50(),
            pad.p99() / allNotes.p99(),
            pad.perSecond() / allNotes.perSecond()));
    return lines;
  }

  /** Signs the account in through the sign-in form; returns its Cookie header. */
  private static String signIn(Properties accounts, String role) {
    try {
      FormClient browser = new FormClient();
      browser.signIn(
          accounts.getProperty(role + ".email"), accounts.getProperty(role + ".password"));
      String cookie = browser.cookieHeader();
      if (cookie.isEmpty()) {
        throw new IllegalStateException("Signing in gave no cookie");
      }
      return cookie;
    } catch (IOException e) {
      throw new IllegalStateException("Signing in " + role + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The URL must answer 200 with the expected page (by its title) for the cookie. */
  private static void verify(Endpoint e, String cookie) throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(e.url())).timeout(Duration.ofSeconds(30)).GET();
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    HttpResponse<String> answer =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build()
            .send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    boolean right =
        e.title() == null
            ? answer.body().contains("\"UP\"")
            : Jsoup.parse(answer.body()).title().startsWith(e.title() + " · ");
    if (answer.statusCode() != 200 || !right) {
      throw new IllegalStateException(
          String.format(
              "Before measuring: %s answered %d%s, not 200 with %s:%n%s",
              e.path(),
              answer.statusCode(),
              answer.headers().firstValue("Location").map(l -> " (to " + l + ")").orElse(""),
              e.title() == null ? "status UP" : "the title \"" + e.title() + " · Notejam\"",
              answer.body()));
    }
    System.out.printf(
        "%s answers 200 with %s%n", e.path(), e.title() == null ? "UP" : "\"" + e.title() + "\"");
  }

  /** One wrk run; its output. */
  private static String wrk(Endpoint e, String cookie, boolean measured)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add("wrk");
    command.add("--threads=" + Settings.WRK_THREADS);
    command.add("--connections=" + Settings.WRK_CONNECTIONS);
    command.add("--duration=" + Settings.WRK_SECONDS + "s");
    command.add("--timeout=5s");
    command.add("--script=" + Settings.WRK_SCRIPT.toAbsolutePath());
    if (cookie != null) {
      command.add("--header=Cookie: " + cookie);
    }
    if (measured) {
      command.add("--latency");
    }
    command.add(e.url());
    Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (wrk.waitFor() != 0) {
      throw new IllegalStateException("wrk failed: " + String.join(" ", command) + "\n" + output);
    }
    return output;
  }

  private static Result parse(Endpoint e, String output) {
    return new Result(
        e,
        Long.parseLong(find(REQUESTS, output, e)),
        Double.parseDouble(find(PER_SECOND, output, e)),
        percentile("50", output, e),
        percentile("99", output, e),
        Long.parseLong(find(NON_2XX, output, e)),
        match(NON_2XX, output).map(m -> m.group(2)).orElse(""),
        match(SOCKET_ERRORS, output).map(m -> m.group(1).strip()).orElse(""));
  }

  /** A percentile of wrk's latency distribution, in milliseconds. */
  private static double percentile(String p, String output, Endpoint e) {
    Matcher m = Pattern.compile("(?m)^\\s+" + p + "%\\s+([\\d.]+)(us|ms|s|m)\\s*$").matcher(output);
    if (!m.find()) {
      throw new IllegalStateException("No " + p + " % latency in wrk's output for " + e.name());
    }
    double value = Double.parseDouble(m.group(1));
    return switch (m.group(2)) {
      case "us" -> value / 1000;
      case "ms" -> value;
      case "s" -> value * 1000;
      default -> value * 60_000;
    };
  }

  private static String find(Pattern pattern, String output, Endpoint e) {
    return match(pattern, output)
        .map(m -> m.group(1))
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "No \"" + pattern + "\" in wrk's output for " + e.name() + ":\n" + output));
  }

  private static java.util.Optional<Matcher> match(Pattern pattern, String output) {
    Matcher m = pattern.matcher(output);
    return m.find() ? java.util.Optional.of(m) : java.util.Optional.empty();
  }

  /** 10000 as "10 000". */
  private static String thousands(String number) {
    return String.format(Locale.ROOT, "%,d", Long.parseLong(number)).replace(',', ' ');
  }

  private static String millis(double ms) {
    return String.format(Locale.ROOT, ms < 10 ? "%.2f ms" : "%.1f ms", ms);
  }

  private static String wrkVersion() {
    try {
      Process wrk = new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start();
      String first = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      wrk.waitFor();
      Matcher m = Pattern.compile("wrk (\\S+)").matcher(first);
      return m.find() ? m.group(1) : "?";
    } catch (IOException e) {
      return "?";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "?";
    }
  }
}
