package net.notejam.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The alerting rules that deploy/monitoring ships pass {@code promtool check rules} and their unit
 * tests ({@code promtool test rules}), through deploy/monitoring/test-rules.sh, which extracts the
 * rules from the PrometheusRule itself. Needs promtool (Debian's prometheus package) and python3
 * with PyYAML: skipped with a message on a machine without them, never in CI.
 */
class MonitoringRulesTest {

  @Test
  void alertRulesPassPromtoolAndTheirUnitTests() throws IOException, InterruptedException {
    Path script = Manifests.REPO.resolve("deploy/monitoring/test-rules.sh");
    Manifests.onPathOrSkip("promtool", "the rule tests", "install Debian's prometheus package");
    Process run = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true).start();
    String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(run.waitFor(120, TimeUnit.SECONDS), "promtool finished");
    System.out.println(output);
    assertEquals(0, run.exitValue(), output);
    assertTrue(output.contains("SUCCESS"), output);
  }
}
