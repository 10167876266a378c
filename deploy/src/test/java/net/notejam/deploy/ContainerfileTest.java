package net.notejam.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Containerfiles' rules, read as text (the images themselves are built and played by liberty's
 * PlayedWorkloadIT with -Pcontainer): a pinned base that only a build argument changes, non-root,
 * no secrets, every COPY source staged by the build, and layers in the order that keeps the base
 * and the runtime unchanged by a code change.
 */
class ContainerfileTest {

  static final Path REPO = Manifests.REPO;

  /** Debian's official slim image by its point-release tag, never a floating one. */
  static final Pattern PINNED_BASE = Pattern.compile("docker\\.io/library/debian:12\\.\\d+-slim");

  static List<String[]> instructions;
  static String stagingPom;
  static String buildScript;
  static String serverXml;

  @BeforeAll
  static void read() throws IOException {
    instructions = instructionsOf(REPO.resolve("liberty/Containerfile"));
    stagingPom = Files.readString(REPO.resolve("liberty/pom.xml"));
    buildScript = Files.readString(REPO.resolve("liberty/container/build.sh"));
    serverXml = Files.readString(REPO.resolve("liberty/src/main/liberty/config/server.xml"));
  }

  static List<String[]> instructionsOf(Path file) throws IOException {
    List<String[]> result = new ArrayList<>();
    String text = Files.readString(file).replace("\\\n", " ");
    for (String line : text.split("\n")) {
      String trimmed = line.trim();
      if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
        result.add(trimmed.split("\\s+", 2));
      }
    }
    return result;
  }

  static List<String> args(List<String[]> instructions, String instruction) {
    return instructions.stream()
        .filter(i -> i[0].equalsIgnoreCase(instruction))
        .map(i -> i.length > 1 ? i[1] : "")
        .toList();
  }

  static List<String> args(String instruction) {
    return args(instructions, instruction);
  }

  @ParameterizedTest
  @ValueSource(strings = {"liberty/Containerfile", "deploy/base/backup/Containerfile"})
  void theBaseIsPinnedAndOnlyABuildArgumentChangesIt(String containerfile) throws IOException {
    List<String[]> file = instructionsOf(REPO.resolve(containerfile));
    assertEquals(List.of("${BASE}"), args(file, "FROM"), "one stage, FROM the build argument");
    List<String> base = args(file, "ARG");
    assertEquals(1, base.size(), containerfile);
    assertTrue(base.get(0).startsWith("BASE="), base.get(0));
    assertTrue(
        PINNED_BASE.matcher(base.get(0).substring("BASE=".length())).matches(),
        "the production default is pinned: " + base.get(0));
    List<String> users = args(file, "USER");
    assertEquals("1001:0", users.get(users.size() - 1), containerfile + ": runs as uid 1001");
  }

  @Test
  void libertyIsTheReleaseTheBuildTestsAndItsFilesAreNotTheServersToChange() {
    // The runtime comes from the Maven build (openliberty.version), minified to the features in
    // use, not from a second, separately versioned Liberty image.
    assertTrue(stagingPom.contains("<include>minify</include>"), "minified runtime");
    assertTrue(buildScript.contains("liberty-runtime.zip"), "staged from the build's package");
    for (String copy : args("COPY")) {
      assertFalse(
          copy.startsWith("--chown=1001"), "the server cannot rewrite its own code: " + copy);
    }
  }

  @Test
  void bakesInNoSecrets() {
    Pattern secretish =
        Pattern.compile("(?i).*(password|passwd|secret|token|credential|api_?key).*");
    for (String instruction : List.of("ENV", "ARG", "LABEL")) {
      for (String a : args(instruction)) {
        assertFalse(secretish.matcher(a).matches(), instruction + " " + a);
      }
    }
    for (String copy : args("COPY")) {
      assertFalse(
          copy.matches("(?i).*(\\.p12|\\.jks|\\.pem|\\.key|\\.env)\\b.*"), "key material: " + copy);
    }
  }

  @Test
  void copiesWhatTheBuildStagesToWhereServerXmlLooks() {
    String all = String.join("\n", args("COPY"));
    // Staged by the Maven profile "container" (liberty/pom.xml) and container/build.sh.
    assertTrue(all.contains("apps/notejam-ear.ear /config/apps/notejam-ear.ear"), all);
    assertTrue(stagingPom.contains("<destFileName>notejam-ear.ear</destFileName>"));
    assertTrue(serverXml.contains("location=\"notejam-ear.ear\""));
    assertTrue(
        all.contains("jdbc/postgresql.jar /config/jdbc/"), "driver where server.xml loads it");
    assertTrue(stagingPom.contains("<destFileName>postgresql.jar</destFileName>"));
    assertTrue(serverXml.contains("${server.config.dir}/jdbc"));
    for (String config : List.of("server.xml", "datasource-postgresql.xml")) {
      assertTrue(all.contains("config/" + config), config);
      assertTrue(Files.exists(REPO.resolve("liberty/src/main/liberty/config/" + config)), config);
    }
    assertTrue(Files.isExecutable(REPO.resolve("liberty/container/notejam-server")), "entry point");
    assertTrue(
        args("ENTRYPOINT").equals(List.of("[\"/opt/ol/notejam-server\"]")),
        args("ENTRYPOINT").toString());
  }

  @Test
  void runsOnPostgresqlWithJsonLogsByDefault() {
    String env = String.join(" ", args("ENV"));
    assertTrue(env.contains("DB_KIND=postgresql"), env);
    assertTrue(env.contains("LOG_FORMAT=json"), env);
    assertTrue(env.contains("WLP_OUTPUT_DIR=/opt/ol/wlp/output"), "writes only to volumes: " + env);
  }

  @Test
  void layersGoFromRarelyToOftenChanged() {
    List<String> order = instructions.stream().map(i -> String.join(" ", i)).toList();
    int jre = indexOf(order, "openjdk-17-jre-headless");
    int runtime = indexOf(order, "COPY runtime/wlp");
    int config = indexOf(order, "server.xml");
    int ear = indexOf(order, ".ear");
    assertTrue(jre < runtime && runtime < config && config < ear, String.join("\n", order));
    assertEquals(
        ear,
        order.stream()
            .filter(i -> i.startsWith("COPY"))
            .map(order::indexOf)
            .max(Integer::compare)
            .orElseThrow(),
        "the EAR is the last layer with content");
  }

  private static int indexOf(List<String> lines, String fragment) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(fragment)) {
        return i;
      }
    }
    throw new AssertionError("no instruction with " + fragment);
  }
}
