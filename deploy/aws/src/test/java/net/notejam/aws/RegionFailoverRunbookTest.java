package net.notejam.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.notejam.deploy.Manifests;
import org.junit.jupiter.api.Test;

/**
 * README "Region failover" as written: every command of its shell blocks is one the project can
 * show to work offline. Each {@code cdk deploy} names stacks that the app synthesizes with exactly
 * those {@code -c} values, each {@code aws eks update-kubeconfig} names the cluster of a stack
 * deployed before it, and each {@code kubectl} renders the directory it applies with {@code -k}, on
 * a context made before it. Any other command fails the test: it would be a step nobody checked.
 */
class RegionFailoverRunbookTest {
  private static final Pattern ASSIGNMENT = Pattern.compile("([A-Z_]+)=\"([^\"]*)\"");
  private static final Pattern VARIABLE = Pattern.compile("\\$([A-Z_]+)");

  @Test
  void everyCommandOfTheRunbookRendersOrSynthesizes() throws IOException {
    List<String> commands = commands(runbook());
    Map<String, Map<String, String>> deployedClusters = new HashMap<>();
    Set<String> contexts = new HashSet<>();
    Set<String> applied = new HashSet<>();
    Set<String> failovers = new HashSet<>();
    for (String command : commands) {
      List<String> words = List.of(command.trim().split("\\s+"));
      if (command.startsWith("cdk deploy ")) {
        Map<String, String> context = new LinkedHashMap<>();
        List<String> stacks = new ArrayList<>();
        for (int i = 2; i < words.size(); i++) {
          if (words.get(i).equals("-c")) {
            String[] keyValue = words.get(++i).split("=", 2);
            context.put(keyValue[0], keyValue[1]);
          } else {
            assertFalse(words.get(i).startsWith("-"), command + ": only -c options");
            stacks.add(words.get(i));
          }
        }
        assertFalse(stacks.isEmpty(), command + ": names its stacks");
        Set<String> synthesized = SynthesizedDeployment.ofContext(context).keySet();
        for (String stack : stacks) {
          assertTrue(synthesized.contains(stack), command + ": " + stack + " in " + synthesized);
          if (stack.endsWith("-cluster")) {
            deployedClusters.put(stack.substring(0, stack.length() - "-cluster".length()), context);
          }
        }
        failovers.add(context.getOrDefault("failover", "primary"));
      } else if (command.startsWith("aws eks update-kubeconfig ")) {
        String cluster = option(words, "--name");
        assertTrue(
            deployedClusters.containsKey(cluster),
            command + ": the cluster of a stack deployed before: " + deployedClusters.keySet());
        assertEquals(deployedClusters.get(cluster).get("region"), option(words, "--region"));
        contexts.add(option(words, "--alias"));
      } else if (command.startsWith("kubectl ")) {
        assertTrue(
            contexts.contains(option(words, "--context")),
            command + ": on a context made before it: " + contexts);
        String dir = option(words, "-k");
        assertTrue(dir.startsWith("deploy/"), command);
        Manifests rendered = Manifests.of(dir.substring("deploy/".length()));
        assertFalse(rendered.raw.isEmpty(), command + ": renders nothing");
        applied.add(dir);
      } else {
        fail("README \"Region failover\": a command no test checks: " + command);
      }
    }
    assertEquals(
        Set.of("deploy/overlays/prod-dr", "deploy/overlays/prod-dr-promoted"),
        applied,
        "the standby and its promotion");
    assertEquals(Set.of("primary", "standby"), failovers, "DNS set, switched and switched back");
  }

  private static String option(List<String> words, String name) {
    int at = words.indexOf(name);
    assertTrue(at >= 0 && at + 1 < words.size(), String.join(" ", words) + ": " + name);
    return words.get(at + 1);
  }

  /** The section's text, up to the next heading of its level or above. */
  private static String runbook() throws IOException {
    String readme = Files.readString(Manifests.REPO.resolve("README.md"));
    int start = readme.indexOf("\n### Region failover\n");
    assertTrue(start >= 0, "README: ### Region failover");
    Matcher next = Pattern.compile("\n#{2,3} ").matcher(readme);
    int end = next.find(start + 1) ? next.start() : readme.length();
    return readme.substring(start, end);
  }

  /** The commands of the sh blocks, with the variables assigned there expanded. */
  static List<String> commands(String section) {
    List<String> commands = new ArrayList<>();
    Map<String, String> variables = new HashMap<>();
    boolean inBlock = false;
    for (String line : section.split("\n")) {
      if (line.startsWith("```")) {
        inBlock = !inBlock && line.equals("```sh");
        continue;
      }
      String text = line.trim();
      if (!inBlock || text.isEmpty() || text.startsWith("#")) {
        continue;
      }
      Matcher assignment = ASSIGNMENT.matcher(text);
      if (assignment.matches()) {
        variables.put(assignment.group(1), assignment.group(2));
        continue;
      }
      Matcher variable = VARIABLE.matcher(text);
      StringBuilder expanded = new StringBuilder();
      while (variable.find()) {
        String value = variables.get(variable.group(1));
        assertTrue(value != null, text + ": $" + variable.group(1) + " is assigned before");
        variable.appendReplacement(expanded, Matcher.quoteReplacement(value));
      }
      variable.appendTail(expanded);
      commands.add(expanded.toString());
    }
    assertFalse(inBlock, "an unclosed block");
    assertTrue(commands.size() >= 5, "the runbook's commands: " + commands);
    return commands;
  }
}
