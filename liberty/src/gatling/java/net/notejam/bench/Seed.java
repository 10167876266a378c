package net.notejam.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.notejam.it.support.SeededNotes;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The benchmark's data: accounts signed up and pads created through the pages, as a person would,
 * then the notes inserted straight into PostgreSQL ({@link SeededNotes}, shared with
 * NoteListBenchmarkIT). Writes one line per account to {@code seed.tsv}: what the virtual users
 * need (email, password, note count, pad ids, a sample of note ids).
 */
final class Seed {

  static final String PASSWORD = "bench-Password-2026";

  /** Accounts with a small and with a huge list: {count, notes per account, pads per account}. */
  private static final int[][] ACCOUNTS = {{20, 50, 1}, {2, 10_000, 2}};

  private static final int NOTE_SAMPLE = 300;

  private Seed() {}

  /** Seeds once per benchmark run: start.sh deletes the file with the database. */
  static synchronized Path ensure() {
    Path file = Settings.OUT.resolve("seed.tsv");
    if (Files.exists(file)) {
      return file;
    }
    try {
      long start = System.nanoTime();
      List<String> lines = new ArrayList<>();
      int n = 0;
      try (Connection db = connect()) {
        for (int[] kind : ACCOUNTS) {
          for (int i = 0; i < kind[0]; i++) {
            lines.add(account(db, ++n, kind[1], kind[2]));
          }
        }
        try (Statement s = db.createStatement()) {
          s.execute("analyze");
        }
      }
      Files.createDirectories(file.getParent());
      Files.write(file, lines);
      System.out.printf(
          "Seeded %d accounts in %.1f s%n", lines.size(), (System.nanoTime() - start) / 1e9);
      return file;
    } catch (IOException | SQLException | InterruptedException e) {
      throw new IllegalStateException("Seeding failed", e);
    }
  }

  private static String account(Connection db, int n, int notes, int pads)
      throws IOException, InterruptedException, SQLException {
    String email = "bench" + n + "-" + notes + "@notejam.invalid";
    Client web = new Client();
    web.submit(
        "/signup/",
        "signup",
        Map.of("email", email, "password", PASSWORD, "repeatPassword", PASSWORD),
        "submit");
    web.submit("/signin/", "signin", Map.of("email", email, "password", PASSWORD), "submit");
    List<Long> padIds = new ArrayList<>();
    for (int p = 1; p <= pads; p++) {
      String location = web.submit("/pads/create/", "pad", Map.of("name", "Pad " + p), "save");
      String rest = location.substring(location.indexOf("/pads/") + "/pads/".length());
      padIds.add(Long.parseLong(rest.substring(0, rest.indexOf('/'))));
    }
    long ownerId = SeededNotes.ownerId(db, email);
    for (long padId : padIds) {
      SeededNotes.insert(db, ownerId, padId, notes / pads);
    }
    List<Long> sample = new ArrayList<>();
    try (PreparedStatement s =
        db.prepareStatement("select id from notes where owner_id = ? order by random() limit ?")) {
      s.setLong(1, ownerId);
      s.setInt(2, NOTE_SAMPLE);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          sample.add(rs.getLong(1));
        }
      }
    }
    return String.join("\t", email, PASSWORD, Integer.toString(notes), join(padIds), join(sample));
  }

  private static Connection connect() throws SQLException {
    String url =
        "jdbc:postgresql://"
            + env("DB_HOST", "127.0.0.1")
            + ":"
            + env("DB_PORT", "5432")
            + "/"
            + Settings.DB;
    return DriverManager.getConnection(
        url, env("DB_USER", "notejam"), env("DB_PASSWORD", "notejam-ci"));
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isEmpty() ? fallback : value;
  }

  private static String join(List<Long> ids) {
    return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
  }

  /** One person's browser, enough for Faces forms: cookies kept, redirects not followed. */
  private static final class Client {
    private final HttpClient http =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    /**
     * Posts the form {@code formId} of the page at {@code path} with every field it has, the given
     * values (by field id) and the button; returns where the server redirects (a 303 is expected).
     */
    String submit(String path, String formId, Map<String, String> values, String button)
        throws IOException, InterruptedException {
      HttpResponse<String> page = send(HttpRequest.newBuilder(uri(path)).GET());
      Document doc = Jsoup.parse(page.body(), uri(path).toString());
      Element form = doc.getElementById(formId);
      if (page.statusCode() != 200 || form == null) {
        throw new IllegalStateException("No form " + formId + " at " + path + ": " + page.body());
      }
      Map<String, String> fields = new LinkedHashMap<>();
      for (Element input : form.select("input[name], textarea[name], select[name]")) {
        String type = input.attr("type");
        if (!type.equals("submit") && !type.equals("button")) {
          fields.put(input.attr("name"), input.val());
        }
      }
      values.forEach((id, value) -> fields.put(formId + ":" + id, value));
      Element submit = form.selectFirst("[name=" + formId + ":" + button + "]");
      fields.put(formId + ":" + button, submit == null ? "" : submit.val());
      String body =
          fields.entrySet().stream()
              .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
              .collect(Collectors.joining("&"));
      HttpResponse<String> answer =
          send(
              HttpRequest.newBuilder(URI.create(form.absUrl("action")))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(body)));
      if (answer.statusCode() != 303) {
        throw new IllegalStateException(
            "Posting "
                + formId
                + " at "
                + path
                + " answered "
                + answer.statusCode()
                + ": "
                + answer.body());
      }
      return answer.headers().firstValue("Location").orElseThrow();
    }

    private HttpResponse<String> send(HttpRequest.Builder request)
        throws IOException, InterruptedException {
      return http.send(
          request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(String path) {
      return URI.create(Settings.URL + path);
    }

    private static String encode(String s) {
      return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
  }
}
