package net.notejam.deploy;

import static net.notejam.deploy.OverlayTest.selects;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The app's namespace denies all traffic, and each allowance names exactly the flows README
 * "Network policies" lists: checked per rendered overlay as peer -&gt; port pairs, so an added
 * peer, port or CIDR fails here.
 */
class NetworkPolicyTest {
  static final String DENY_ALL = "default-deny";
  static final String DNS = "ns{kubernetes.io/metadata.name=kube-system} pods{k8s-app=kube-dns}";
  static final String DB = "pods{cnpg.io/cluster=notejam-db}";
  static final String SIDE = "pods{cnpg.io/cluster=notejam-db-recovered}";
  static final String ANYWHERE = "0.0.0.0/0";
  static final String POD_IDENTITY = "169.254.170.23/32";

  /** The values an overlay states once (overlays/&lt;env&gt;/env-values.yaml, not emitted). */
  static Map<String, String> envValues(String env) {
    try {
      JsonNode data =
          Manifests.YAML
              .readTree(
                  Files.readString(
                      Manifests.DEPLOY.resolve("overlays/" + env + "/env-values.yaml")))
              .path("data");
      Map<String, String> values = new TreeMap<>();
      data.fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().asText()));
      return values;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "test", "prod"})
  void theNamespaceDeniesEverythingNotAllowed(String env) {
    List<NetworkPolicy> all = OverlayTest.rendered(env).all(NetworkPolicy.class);
    List<NetworkPolicy> everyPod =
        all.stream().filter(np -> selects(np.getSpec().getPodSelector(), Map.of())).toList();
    assertEquals(1, everyPod.size(), env + ": one policy selects every pod");
    NetworkPolicy deny = everyPod.get(0);
    assertEquals(DENY_ALL, deny.getMetadata().getName());
    assertEquals("notejam-" + env, deny.getMetadata().getNamespace());
    assertEquals(Set.of("Ingress", "Egress"), Set.copyOf(deny.getSpec().getPolicyTypes()), env);
    assertTrue(deny.getSpec().getIngress().isEmpty(), env + ": it admits nothing");
    assertTrue(deny.getSpec().getEgress().isEmpty(), env + ": it lets nothing out");
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "test", "prod"})
  void thePagesAdmitTheLoadBalancersSubnetsOnly(String env) {
    Manifests m = OverlayTest.rendered(env);
    Map<String, String> values = envValues(env);
    Map<String, Set<String>> in = allowed(m, OverlayTest.podLabels(m), true);
    Set<String> pages =
        in.entrySet().stream()
            .filter(e -> e.getValue().contains("TCP/9080") || e.getValue().contains("all"))
            .map(Map.Entry::getKey)
            .collect(Collectors.toSet());
    assertEquals(
        Set.of(
            values.get("loadBalancerSubnet1"),
            values.get("loadBalancerSubnet2"),
            values.get("loadBalancerSubnet3")),
        pages,
        env + ": the ALB's interfaces, nothing else, on the pages' port");
    for (String cidr : pages) {
      assertFalse(cidr.equals(values.get("vpcCidr")) || cidr.equals(ANYWHERE), env + ": " + cidr);
      assertTrue(within(cidr, values.get("vpcCidr")), env + ": " + cidr + " is in the VPC");
    }
    assertEquals(
        Map.of(
            values.get("loadBalancerSubnet1"),
            Set.of("TCP/9080", "TCP/9090"),
            values.get("loadBalancerSubnet2"),
            Set.of("TCP/9080", "TCP/9090"),
            values.get("loadBalancerSubnet3"),
            Set.of("TCP/9080", "TCP/9090"),
            "ns{kubernetes.io/metadata.name=monitoring}",
            Set.of("TCP/9090")),
        in,
        env + ": the ALB (pages, health check) and Prometheus (management port) only");
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "test", "prod"})
  void theAppReachesDnsItsDatabaseAndTheMailRelayOnly(String env) {
    Manifests m = OverlayTest.rendered(env);
    assertEquals(
        Map.of(
            DNS, Set.of("UDP/53", "TCP/53"),
            DB, Set.of("TCP/5432"),
            ANYWHERE, Set.of("TCP/587")),
        allowed(m, OverlayTest.podLabels(m), false),
        env);
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "test", "prod"})
  void theDatabaseAdmitsTheAppTheJobsItsInstancesTheOperatorAndPrometheusOnly(String env) {
    Manifests m = OverlayTest.rendered(env);
    assertEquals(
        Map.of(
            "pods{app.kubernetes.io/component=web, app.kubernetes.io/name=notejam}",
            Set.of("TCP/5432"),
            "pods{app.kubernetes.io/component=backup, app.kubernetes.io/name=notejam}",
            Set.of("TCP/5432"),
            "pods{app.kubernetes.io/component=recover-user, app.kubernetes.io/name=notejam}",
            Set.of("TCP/5432"),
            DB,
            Set.of("TCP/5432", "TCP/8000"),
            "ns{kubernetes.io/metadata.name=cnpg-system}",
            Set.of("TCP/5432", "TCP/8000"),
            "ns{kubernetes.io/metadata.name=monitoring}",
            Set.of("TCP/9187")),
        allowed(m, Map.of("cnpg.io/cluster", OverlayTest.DB_CLUSTER), true),
        env);
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "test", "prod"})
  void databasePodsReachDnsTheirPeersHttpsAndPodIdentityOnly(String env) {
    assertEquals(
        databaseEgress(DB),
        allowed(
            OverlayTest.rendered(env), Map.of("cnpg.io/cluster", OverlayTest.DB_CLUSTER), false),
        env);
    assertEquals(
        databaseEgress(SIDE),
        allowed(
            Manifests.of("recovery/" + env),
            Map.of("cnpg.io/cluster", PointInTimeRecoveryTest.SIDE_CLUSTER),
            false),
        env + ": the side cluster, which lands in the same denying namespace");
  }

  /** Every pod the overlay runs may at least resolve names: none is left to the deny-all alone. */
  @ParameterizedTest
  @ValueSource(strings = {"dev", "test", "prod"})
  void everyPodHasAnAllowanceOfItsOwn(String env) {
    Manifests m = OverlayTest.rendered(env);
    List<Map<String, String>> pods = OverlayTest.podLabelSets(m);
    for (Map<String, String> pod : pods) {
      assertEquals(
          Set.of("UDP/53", "TCP/53"), allowed(m, pod, false).get(DNS), env + ": DNS for " + pod);
    }
    Map<String, String> recoverUser = RecoverUserJobTest.podLabels(env);
    assertEquals(
        Set.of("UDP/53", "TCP/53"),
        allowed(RecoverUserJobTest.rendered(env), recoverUser, false).get(DNS),
        env + ": DNS for the recovery job");
  }

  /** podman kube play has no NetworkPolicy: deploy/local/play.sh keeps the kinds it plays. */
  @Test
  void theLocalPlayDropsNetworkPolicies() throws IOException {
    assertFalse(Manifests.of("local").all(NetworkPolicy.class).isEmpty(), "local renders them");
    String play = Files.readString(Manifests.DEPLOY.resolve("local/play.sh"));
    Matcher render = Pattern.compile("render \"[^\"]+\" ([A-Za-z ]+)").matcher(play);
    List<String> kinds = new ArrayList<>();
    while (render.find()) {
      kinds.addAll(List.of(render.group(1).trim().split(" ")));
    }
    assertTrue(kinds.contains("Deployment"), "play.sh's render calls found: " + kinds);
    assertFalse(kinds.contains("NetworkPolicy"), "podman would reject it: " + kinds);
  }

  static Map<String, Set<String>> databaseEgress(String instances) {
    return Map.of(
        DNS, Set.of("UDP/53", "TCP/53"),
        instances, Set.of("TCP/5432", "TCP/8000"),
        ANYWHERE, Set.of("TCP/443"),
        POD_IDENTITY, Set.of("TCP/80"));
  }

  /**
   * What the policies of {@code m} allow the pod with {@code labels}: peer -&gt; protocol/port
   * ("all" for a rule without ports), ingress or egress.
   */
  static Map<String, Set<String>> allowed(
      Manifests m, Map<String, String> labels, boolean ingress) {
    Map<String, Set<String>> allowed = new TreeMap<>();
    for (NetworkPolicy np : m.all(NetworkPolicy.class)) {
      if (!selects(np.getSpec().getPodSelector(), labels)) {
        continue;
      }
      if (ingress) {
        np.getSpec().getIngress().forEach(r -> add(allowed, r.getFrom(), r.getPorts()));
      } else {
        np.getSpec().getEgress().forEach(r -> add(allowed, r.getTo(), r.getPorts()));
      }
    }
    return allowed;
  }

  private static void add(
      Map<String, Set<String>> allowed,
      List<NetworkPolicyPeer> peers,
      List<NetworkPolicyPort> ports) {
    Set<String> named =
        ports.isEmpty()
            ? Set.of("all")
            : ports.stream()
                .map(p -> p.getProtocol() + "/" + p.getPort().getIntVal())
                .collect(Collectors.toSet());
    List<String> from =
        peers.isEmpty()
            ? List.of("anything")
            : peers.stream().map(NetworkPolicyTest::peer).toList();
    for (String peer : from) {
      allowed.computeIfAbsent(peer, k -> new TreeSet<>()).addAll(named);
    }
  }

  static String peer(NetworkPolicyPeer peer) {
    if (peer.getIpBlock() != null) {
      assertTrue(
          peer.getIpBlock().getExcept() == null || peer.getIpBlock().getExcept().isEmpty(),
          "no exceptions: " + peer);
      return peer.getIpBlock().getCidr();
    }
    List<String> parts = new ArrayList<>();
    if (peer.getNamespaceSelector() != null) {
      parts.add("ns" + labels(peer.getNamespaceSelector()));
    }
    if (peer.getPodSelector() != null) {
      parts.add("pods" + labels(peer.getPodSelector()));
    }
    return String.join(" ", parts);
  }

  private static String labels(LabelSelector selector) {
    return new TreeMap<>(selector.getMatchLabels() == null ? Map.of() : selector.getMatchLabels())
        .toString();
  }

  /** Whether IPv4 block {@code inner} lies inside {@code outer}. */
  static boolean within(String inner, String outer) {
    int innerBits = Integer.parseInt(inner.split("/")[1]);
    int outerBits = Integer.parseInt(outer.split("/")[1]);
    int mask = outerBits == 0 ? 0 : -1 << (32 - outerBits);
    return innerBits >= outerBits && (address(inner) & mask) == (address(outer) & mask);
  }

  private static int address(String cidr) {
    int address = 0;
    for (String octet : cidr.split("/")[0].split("\\.")) {
      address = address << 8 | Integer.parseInt(octet);
    }
    return address;
  }
}
