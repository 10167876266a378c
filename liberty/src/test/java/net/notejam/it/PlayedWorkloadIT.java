package net.notejam.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import net.notejam.it.drill.Drills;
import net.notejam.it.support.Accounts;
import net.notejam.it.support.Browser;
import net.notejam.it.support.Notejam;
import net.notejam.it.support.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What we ship, run: the image built from liberty/Containerfile and the dev overlay's workload
 * played with {@code podman kube play} next to PostgreSQL 15 in its own container, through
 * deploy/local/play.sh, the same commands the README gives. Runs with -Pcontainer (which builds the
 * images first); skips without podman, and fails in CI.
 */
@Tag("container")
class PlayedWorkloadIT {

  private static final Path REPO =
      Path.of(System.getProperty("notejam.repo.root", "..")).normalize();
  private static final Path PLAY = REPO.resolve("deploy/local/play.sh");
  private static final URI PLAYED = URI.create("http://127.0.0.1:9080");

  /** The pod's management port, published as deploy/local does. */
  private static final URI PLAYED_MANAGEMENT = URI.create("http://127.0.0.1:9090");

  /** podman kube play names the Deployment's pod notejam-pod-0, its container after both. */
  private static final String CONTAINER = "notejam-pod-0-notejam";

  @BeforeAll
  static void freshWorkload() throws Exception {
    if (!onPath("podman") || !onPath("kubectl")) {
      if (Drills.ci()) {
        fail("CI must play the workload: podman and kubectl are needed (.ci/run installs podman)");
      }
      assumeTrue(false, "podman or kubectl missing: skipping the played workload (README)");
    }
    play("purge");
    play("up");
  }

  @AfterAll
  static void removeWorkload() throws Exception {
    if (onPath("podman")) {
      play("purge");
    }
  }

  @Test
  void signUpWriteThenReplaceThePodAndFindEverything() throws Exception {
    Page ready = new Browser(PLAYED_MANAGEMENT, null).get("/health/ready");
    assertEquals(200, ready.status(), ready.body());
    assertTrue(ready.body().contains("\"status\":\"UP\""), ready.body());

    Browser browser = Accounts.signedInUserAt(PLAYED);
    String email = browser.get("/").signedInAs();
    long pad = Notejam.createPad(browser, "Played pad");
    List<Long> notes = new ArrayList<>();
    for (int i = 1; i <= 12; i++) {
      notes.add(Notejam.createdNote(browser, "Played note " + i, "Text " + i + " — ünïcödé", pad));
    }

    // The container as the manifests say: uid 1001, nothing writable outside its volumes.
    assertEquals("1001", podman("exec", CONTAINER, "id", "-u").strip());
    assertEquals(
        "true", podman("inspect", "--format", "{{.HostConfig.ReadonlyRootfs}}", CONTAINER).strip());
    assertNotEquals(0, exitOf("podman", "exec", CONTAINER, "touch", "/opt/ol/wlp/lib/written"));
    String requestId = "played-" + UUID.randomUUID();
    assertEquals(200, new Browser(PLAYED, requestId).get("/signin/").status());
    assertJsonLinesWithRequestId(stdoutOf(CONTAINER), requestId);

    // The pod deleted and played again: same database, same session row, new JVM.
    play("down");
    play("up");
    Page note = browser.get("/notes/" + notes.get(11) + "/");
    assertEquals(200, note.status(), note.body());
    assertEquals(email, note.signedInAs(), "still signed in after the pod was replaced");
    assertTrue(note.body().contains("Text 12 — ünïcödé"), note.body());
    assertEquals(
        notes.size(),
        Notejam.noteNames(browser.get("/pads/" + pad + "/")).size(),
        "every note back");
  }

  @Test
  void theBackupJobWritesADumpThatRestoresEveryNote() throws Exception {
    Browser browser = Accounts.signedInUserAt(PLAYED);
    long pad = Notejam.createPad(browser, "Backed-up pad");
    for (int i = 1; i <= 30; i++) {
      Notejam.createdNote(
          browser, "Backed-up note " + i, "<b>kept</b> " + i, i % 2 == 0 ? pad : null);
    }
    Files.createDirectories(Path.of("target"));
    Path dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "played-backup-");
    play("backup", dir.toString());
    Path dump;
    try (Stream<Path> files = Files.list(dir)) {
      dump = files.filter(f -> f.toString().endsWith(".dump")).findFirst().orElseThrow();
    }
    play("restore", dump.toString(), "notejam_restored");

    String query =
        "select id, pad_id, owner_id, name, text, created_at, updated_at from notes order by id";
    String live = play("psql", "notejam", query);
    String restored = play("psql", "notejam_restored", query);
    long count = live.lines().count();
    assertTrue(count >= 30, "notes in the live database: " + count);
    assertEquals(live, restored, "every note back, field by field");
    System.out.printf(
        "Played workload backup: %d notes dumped by the backup job's container (%d bytes) and"
            + " restored, all equal%n",
        count, Files.size(dump));
  }

  /**
   * The container's standard output, from podman's log file (k8s-file: "time stream F|P text", a
   * long line split into P parts ended by an F part); standard error (the JVM's own notices) left
   * out, as a log pipeline would tell them apart.
   */
  private static List<String> stdoutOf(String container) throws Exception {
    Path file =
        Path.of(podman("inspect", "--format", "{{.HostConfig.LogConfig.Path}}", container).strip());
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String record : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String[] parts = record.split(" ", 4);
      if (parts.length == 4 && parts[1].equals("stdout")) {
        line.append(parts[3]);
        // Liberty's launcher writes one empty line where its plain-text banner would be.
        if (parts[2].equals("F")) {
          if (!line.isEmpty()) {
            lines.add(line.toString());
          }
          line.setLength(0);
        }
      }
    }
    return lines;
  }

  /**
   * Every line of standard output is one JSON object, and the request sent with {@code requestId}
   * is found by it (in the access log line; application lines carry it as ext_requestId).
   */
  private static void assertJsonLinesWithRequestId(List<String> lines, String requestId) {
    assertFalse(lines.isEmpty(), "nothing on the container's standard output");
    boolean found = false;
    for (String line : lines) {
      try {
        JsonObject json = Json.createReader(new StringReader(line)).readObject();
        found |= requestId.equals(json.getString("ibm_responseHeader_x-request-id", null));
      } catch (JsonException e) {
        fail("not a JSON line on the container's standard output: '" + line + "'");
      }
    }
    assertTrue(found, "no line with request id " + requestId + " among " + lines.size());
  }

  private static String play(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("bash", PLAY.toString()));
    command.addAll(List.of(args));
    String out = run(command);
    // Its own lines ("play.sh: ready at ... ms"), for the CI log; not the psql output.
    out.lines().filter(l -> l.startsWith("play.sh:")).forEach(System.out::println);
    return out;
  }

  private static String podman(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("podman"));
    command.addAll(List.of(args));
    return run(command);
  }

  private static String run(List<String> command) throws IOException, InterruptedException {
    Process process = start(command);
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(5, TimeUnit.MINUTES), String.join(" ", command) + " timed out");
    assertEquals(0, process.exitValue(), String.join(" ", command) + ":\n" + out);
    return out;
  }

  private static int exitOf(String... command) throws IOException, InterruptedException {
    Process process = start(List.of(command));
    process.getInputStream().readAllBytes();
    return process.waitFor();
  }

  private static Process start(List<String> command) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder
        .environment()
        .putIfAbsent(
            "CONTAINERS_CONF", REPO.resolve("liberty/container/containers.conf").toString());
    return builder.start();
  }

  private static boolean onPath(String tool) {
    return Stream.of(System.getenv("PATH").split(":"))
        .anyMatch(d -> Files.isExecutable(Path.of(d, tool)));
  }
}
