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
 * a context made before it, or names ({@code cnpg status}, {@code delete cluster}) a Cluster that a
 * directory applied on that context renders. Any other command fails the test: it would be a step
 * nobody checked.
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
    Map<String, List<Manifests>> appliedOn = new HashMap<>();
    List<NamedObject> named = new ArrayList<>();
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
        String context = option(words, "--context");
        assertTrue(
            contexts.contains(context), command + ": on a context made before it: " + contexts);
        if (words.contains("-k")) {
          assertEquals(
              "apply", words.get(3), command + ": kubectl --context <name> apply -k <dir>");
          String dir = option(words, "-k");
          assertTrue(dir.startsWith("deploy/"), command);
          Manifests rendered = Manifests.of(dir.substring("deploy/".length()));
          assertFalse(rendered.raw.isEmpty(), command + ": renders nothing");
          applied.add(dir);
          appliedOn.computeIfAbsent(context, c -> new ArrayList<>()).add(rendered);
        } else {
          named.add(new NamedObject(command, context, clusterCommand(command, words)));
        }
      } else {
        fail("README \"Region failover\": a command no test checks: " + command);
      }
    }
    for (NamedObject object : named) {
      // The Cluster a command shows or deletes is one the runbook applies on that context.
      assertTrue(
          appliedOn.getOrDefault(object.context(), List.of()).stream()
              .anyMatch(rendered -> object.cluster().in(rendered)),
          object.command() + ": a Cluster that an overlay applied on its context renders");
    }
    assertEquals(
        Set.of(
            "deploy/overlays/prod-dr",
            "deploy/overlays/prod-dr-promoted",
            "deploy/overlays/prod-dr-frozen",
            "deploy/overlays/prod-failback",
            "deploy/overlays/prod-failback-promoted",
            "deploy/overlays/prod-dr-failback"),
        applied,
        "the standby, its promotion and the fail back");
    assertEquals(Set.of("primary", "standby"), failovers, "DNS set, switched and switched back");
  }

  /** A CloudNativePG Cluster by namespace and name. */
  record ClusterRef(String namespace, String name) {
    boolean in(Manifests rendered) {
      return rendered.customs("Cluster").stream()
          .anyMatch(
              cluster ->
                  cluster.at("/metadata/name").asText().equals(name)
                      && cluster.at("/metadata/namespace").asText().equals(namespace));
    }
  }

  record NamedObject(String command, String context, ClusterRef cluster) {}

  /**
   * The two forms that name a database instead of applying a directory: {@code kubectl --context
   * <c> cnpg -n <ns> status <cluster>} and {@code kubectl --context <c> -n <ns> delete cluster
   * <cluster> [--ignore-not-found]}.
   */
  static ClusterRef clusterCommand(String command, List<String> words) {
    List<String> rest = words.subList(3, words.size());
    if (rest.size() == 5
        && rest.get(0).equals("cnpg")
        && rest.get(1).equals("-n")
        && rest.get(3).equals("status")) {
      return new ClusterRef(rest.get(2), rest.get(4));
    }
    if (rest.size() >= 5
        && rest.get(0).equals("-n")
        && rest.get(2).equals("delete")
        && rest.get(3).equals("cluster")
        && (rest.size() == 5
            || rest.subList(5, rest.size()).equals(List.of("--ignore-not-found")))) {
      return new ClusterRef(rest.get(1), rest.get(4));
    }
    return fail("README \"Region failover\": a kubectl command no test checks: " + command);
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
