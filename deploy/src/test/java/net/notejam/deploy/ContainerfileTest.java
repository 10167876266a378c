package net.notejam.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * No container engine here to build the image, so the Containerfile's rules are checked as text:
 * pinned base, non-root, no secrets, and every COPY source provided by the repository or the build.
 */
class ContainerfileTest {

  static final Path REPO = Manifests.REPO;
  // Maven writes these; they are absent on a fresh clone until the build ran.
  static final List<String> BUILD_OUTPUTS = List.of("notejam-ear/target/", "liberty/target/");

  static List<String[]> instructions = new ArrayList<>();
  static String pom;
  static String serverXml;

  @BeforeAll
  static void read() throws IOException {
    instructions.clear();
    String text = Files.readString(REPO.resolve("liberty/Containerfile")).replace("\\\n", " ");
    for (String line : text.split("\n")) {
      String trimmed = line.trim();
      if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
        instructions.add(trimmed.split("\\s+", 2));
      }
    }
    pom = Files.readString(REPO.resolve("pom.xml"));
    serverXml = Files.readString(REPO.resolve("liberty/src/main/liberty/config/server.xml"));
  }

  static List<String> args(String instruction) {
    return instructions.stream()
        .filter(i -> i[0].equalsIgnoreCase(instruction))
        .map(i -> i.length > 1 ? i[1] : "")
        .toList();
  }

  static String pomProperty(String name) {
    Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(pom);
    assertTrue(m.find(), name + " in pom.xml");
    return m.group(1).trim();
  }

  @Test
  void baseImageIsPinnedToTheLibertyReleaseTheBuildTests() {
    List<String> from = args("FROM");
    assertEquals(1, from.size(), "one stage");
    Matcher m =
        Pattern.compile("icr\\.io/appcafe/open-liberty:(\\d+\\.\\d+\\.\\d+\\.\\d+)-kernel-slim-java17-\\S+")
            .matcher(from.get(0));
    assertTrue(m.matches(), "pinned kernel-slim java17 tag: " + from.get(0));
    assertFalse(from.get(0).endsWith(":latest"));
    assertEquals(pomProperty("openliberty.version"), m.group(1), "same Liberty as the tests");
  }

  @Test
  void runsAsTheLibertyUserNotRoot() {
    List<String> users = args("USER");
    assertFalse(users.isEmpty(), "an explicit USER");
    assertEquals("1001", users.get(users.size() - 1).trim());
    for (String copy : args("COPY")) {
      assertTrue(copy.startsWith("--chown=1001:0 "), "files owned by the Liberty user: " + copy);
    }
  }

  @Test
  void bakesInNoSecrets() {
    Pattern secretish = Pattern.compile("(?i).*(password|passwd|secret|token|credential|api_?key).*");
    for (String instruction : List.of("ENV", "ARG", "LABEL")) {
      for (String a : args(instruction)) {
        assertFalse(secretish.matcher(a).matches(), instruction + " " + a);
      }
    }
    for (String copy : args("COPY")) {
      assertFalse(copy.matches("(?i).*(\\.p12|\\.jks|\\.pem|\\.key|\\.env)\\b.*"), "key material: " + copy);
    }
  }

  @Test
  void copiesOnlyWhatTheRepositoryOrTheBuildProvides() {
    for (String copy : args("COPY")) {
      String[] parts = copy.replaceFirst("--chown=\\S+\\s+", "").split("\\s+");
      assertFalse(copy.contains("--from"), "single stage: " + copy);
      for (int i = 0; i < parts.length - 1; i++) {
        String source = parts[i];
        boolean built = BUILD_OUTPUTS.stream().anyMatch(source::startsWith);
        assertTrue(
            built || Files.exists(REPO.resolve(source)), "COPY source missing from the repo: " + source);
      }
    }
    String all = String.join("\n", args("COPY"));
    String version = Pattern.compile("<artifactId>notejam-parent</artifactId>\\s*<version>([^<]+)</")
        .matcher(pom).results().findFirst().orElseThrow().group(1);
    assertTrue(
        all.contains("notejam-ear/target/notejam-ear-" + version + ".ear /config/apps/notejam-ear.ear"),
        "the EAR the build makes, where server.xml looks for it");
    assertTrue(serverXml.contains("location=\"notejam-ear.ear\""));
    assertTrue(all.contains("postgresql.jar /config/jdbc/"), "driver where server.xml loads it");
    assertTrue(serverXml.contains("${server.config.dir}/jdbc"));
    for (String config : List.of("server.xml", "datasource-postgresql.xml", "datasource-h2.xml")) {
      assertTrue(all.contains("liberty/src/main/liberty/config/" + config + " /config/"), config);
    }
  }

  @Test
  void featuresAreInstalledBeforeTheAppAndConfigureRunsLast() {
    List<String> order = instructions.stream().map(i -> String.join(" ", i)).toList();
    int server = indexOf(order, "server.xml");
    int features = indexOf(order, "RUN features.sh");
    int ear = indexOf(order, ".ear");
    int configure = indexOf(order, "RUN configure.sh");
    assertTrue(server < features && features < ear && ear < configure, String.join("\n", order));
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
