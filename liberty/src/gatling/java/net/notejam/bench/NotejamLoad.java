package net.notejam.bench;

import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.doIfOrElse;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.form;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * One stage of the load benchmark: {@code multiplier} × the baseline number of virtual users, each
 * a person who signs in once and then, for the stage's duration, browses with a short pause between
 * pages: lists all notes (35 %), opens a pad (25 %), views a note (25 %), creates a note (10 %) or
 * edits the note it created last (5 %). A quarter of the people have 10 000 notes, the others 50.
 * Every page is checked: a wrong status or a missing form counts as an error.
 */
public abstract class NotejamLoad extends Simulation {

  private static final String[] ORDERS = {"-updated_at", "updated_at", "name", "-name"};

  protected NotejamLoad(int multiplier) {
    this(multiplier + "x", multiplier, Settings.STAGE_SECONDS);
  }

  /** {@code seconds} of browsing by {@code multiplier} × the baseline number of people. */
  protected NotejamLoad(String stage, int multiplier, int seconds) {
    List<Map<String, Object>> small = new ArrayList<>();
    List<Map<String, Object>> huge = new ArrayList<>();
    for (String line : readLines(Seed.ensure())) {
      String[] f = line.split("\t");
      Map<String, Object> account = new HashMap<>();
      account.put("email", f[0]);
      account.put("password", f[1]);
      account.put("notes", Integer.parseInt(f[2]));
      account.put("pads", ids(f[3]));
      account.put("noteIds", ids(f[4]));
      (Integer.parseInt(f[2]) > 1000 ? huge : small).add(account);
    }
    Iterator<Map<String, Object>> accounts =
        Stream.generate(
                () -> {
                  ThreadLocalRandom r = ThreadLocalRandom.current();
                  List<Map<String, Object>> kind = r.nextInt(4) == 0 ? huge : small;
                  return kind.get(r.nextInt(kind.size()));
                })
            .iterator();

    int users = Settings.BASE_USERS * multiplier;
    ScenarioBuilder people =
        scenario(stage + ": " + users + " concurrent users")
            .feed(accounts)
            .exec(signIn())
            .during(Duration.ofSeconds(seconds))
            .on(
                exec(session -> choose(session))
                    .pause(
                        Duration.ofMillis(Settings.THINK_MIN_MS),
                        Duration.ofMillis(Settings.THINK_MAX_MS))
                    .exec(
                        randomSwitch()
                            .on(
                                percent(35.0).then(listAllNotes()),
                                percent(25.0).then(openPad()),
                                percent(25.0).then(viewNote()),
                                percent(10.0).then(createNote()),
                                percent(5.0)
                                    .then(
                                        doIfOrElse(session -> session.contains("ownNote"))
                                            .then(editNote())
                                            .orElse(createNote())))));

    HttpProtocolBuilder protocol =
        http.baseUrl(Settings.URL)
            .disableCaching() // else most pages come back as 304 Not Modified
            .disableFollowRedirect() // each 303 is checked, and its target fetched explicitly
            .acceptHeader("text/html,application/xhtml+xml")
            .userAgentHeader("notejam-bench (Gatling)");

    setUp(people.injectOpen(rampUsers(users).during(Duration.ofSeconds(Settings.RAMP_SECONDS))))
        .protocols(protocol)
        .assertions(global().failedRequests().count().is(0L));
  }

  private static ChainBuilder signIn() {
    return exec(http("sign-in page")
            .get("/signin/")
            .check(
                status().is(200),
                form("#signin").saveAs("form"),
                css("form#signin", "action").saveAs("action")))
        .exec(
            http("sign in")
                .post("#{action}")
                .formParamMap(
                    filled(
                        Map.of("signin:email", "#{email}", "signin:password", "#{password}"),
                        "signin:submit",
                        "Sign in"))
                .check(status().is(303)));
  }

  private static ChainBuilder listAllNotes() {
    return exec(
        http("list all notes").get("/?order=#{order}&page=#{page}").check(status().is(200)));
  }

  private static ChainBuilder openPad() {
    return exec(http("open a pad").get("/pads/#{pad}/?page=#{padPage}").check(status().is(200)));
  }

  private static ChainBuilder viewNote() {
    return exec(http("view a note").get("/notes/#{note}/").check(status().is(200)));
  }

  private static ChainBuilder createNote() {
    return exec(http("new-note form")
            .get("/notes/create/?pad=#{pad}")
            .check(
                status().is(200),
                form("#note").saveAs("form"),
                css("form#note", "action").saveAs("action")))
        .exec(
            http("create a note")
                .post("#{action}")
                .formParamMap(
                    filled(
                        Map.of(
                            "note:name",
                            "#{noteName}",
                            "note:text",
                            "Written under load.",
                            "note:pad",
                            "#{pad}"),
                        "note:save",
                        "Save"))
                .check(status().is(303), header("Location").saveAs("list")))
        .exec(
            http("list after create")
                .get("#{list}")
                .check(
                    status().is(200),
                    regex("<td class=\"note\"><a href=\"[^\"]*/notes/(\\d+)/\">#{noteName}</a>")
                        .saveAs("ownNote")));
  }

  private static ChainBuilder editNote() {
    return exec(http("edit-note form")
            .get("/notes/#{ownNote}/edit/")
            .check(
                status().is(200),
                form("#note").saveAs("form"),
                css("form#note", "action").saveAs("action")))
        .exec(
            http("edit a note")
                .post("#{action}")
                .formParamMap(
                    filled(
                        Map.of("note:text", "Edited under load at #{editedAt}."),
                        "note:save",
                        "Save"))
                .check(status().is(303)));
  }

  /**
   * All the fields of the form captured as "form" (hidden ViewState, {@code <id>_SUBMIT},
   * version…), with {@code values} (Gatling expressions) put over them and the button pressed.
   */
  private static Function<Session, Map<String, Object>> filled(
      Map<String, String> values, String button, String label) {
    return session -> {
      Map<String, Object> fields = new HashMap<>(session.getMap("form"));
      values.forEach((name, expression) -> fields.put(name, resolve(expression, session)));
      fields.put(button, label);
      return fields;
    };
  }

  /** The few "#{key}" references used above, resolved from the session. */
  private static String resolve(String expression, Session session) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < expression.length()) {
      int open = expression.indexOf("#{", i);
      if (open < 0) {
        out.append(expression, i, expression.length());
        break;
      }
      int close = expression.indexOf('}', open);
      out.append(expression, i, open);
      Object value = session.get(expression.substring(open + 2, close));
      out.append(value);
      i = close + 1;
    }
    return out.toString();
  }

  /** Picks this round's page, pad, note and the names a create or an edit will use. */
  private static Session choose(Session session) {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    List<Long> pads = session.getList("pads");
    List<Long> notes = session.getList("noteIds");
    int noteCount = session.getInt("notes");
    int pages = Math.max(1, noteCount / 50);
    int padPages = Math.max(1, pages / pads.size());
    // Mostly the first page, as people read; sometimes anywhere in the list.
    int page = r.nextInt(10) < 7 ? 1 : 1 + r.nextInt(pages);
    int padPage = r.nextInt(10) < 7 ? 1 : 1 + r.nextInt(padPages);
    return session
        .set("order", r.nextInt(10) < 7 ? ORDERS[0] : ORDERS[r.nextInt(ORDERS.length)])
        .set("page", page)
        .set("padPage", padPage)
        .set("pad", pads.get(r.nextInt(pads.size())))
        .set("note", notes.get(r.nextInt(notes.size())))
        .set("noteName", "Load note " + session.userId() + "-" + r.nextInt(1_000_000))
        .set("editedAt", System.currentTimeMillis());
  }

  private static List<Long> ids(String csv) {
    return Arrays.stream(csv.split(",")).map(Long::valueOf).toList();
  }

  private static List<String> readLines(Path file) {
    try {
      return Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
