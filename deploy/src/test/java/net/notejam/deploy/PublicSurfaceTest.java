package net.notejam.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRuleBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressServiceBackend;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the internet sees of an environment: the pages over TLS behind the web ACL, never the
 * management endpoints; while Prometheus, the kubelet and the ALB's health check still reach them.
 */
class PublicSurfaceTest {

  static final String ANNOTATION = "alb.ingress.kubernetes.io/";
  static final String NOT_FOUND_ACTION = "management-not-found";
  static final ObjectMapper JSON = new ObjectMapper();

  /** The management endpoints, with variants a scanner tries. */
  static final List<String> MANAGEMENT_PATHS =
      List.of(
          "/metrics",
          "/metrics/",
          "/metrics/base",
          "/metrics?scope=application",
          "/health",
          "/health/",
          "/health/ready",
          "/health/live",
          "/health/started");

  /** Pages of the app that must still reach the pods. */
  static final List<String> APP_PATHS =
      List.of("/", "/signin", "/pads/12/", "/notes/3/edit/", "/jakarta.faces.resource/x.css");

  /**
   * TLS 1.2 and 1.3 with forward secrecy and AEAD ciphers only: the 2021-06 TLS13-1-2 policy and
   * what AWS published after it at least as strict (1.3 only, restricted, FIPS, post-quantum). Not
   * the Ext variants, which add CBC ciphers back.
   */
  static final Pattern MODERN_TLS_POLICY =
      Pattern.compile(
          "ELBSecurityPolicy-TLS13-1-[23]-(Res-)?(FIPS-)?(PQ-)?20(2[1-9]|[3-9]\\d)-\\d\\d");

  static final Pattern WEB_ACL_ARN =
      Pattern.compile(
          "arn:aws:wafv2:([a-z0-9-]+):(\\d{12}):regional/webacl/([A-Za-z0-9_-]+)/"
              + "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  static final Pattern REGISTRY =
      Pattern.compile("(\\d{12})\\.dkr\\.ecr\\.([a-z0-9-]+)\\.amazonaws\\.com/notejam/[a-z]+@.+");

  static Ingress ingress(Manifests m) {
    return m.one(Ingress.class, OverlayTest.APP);
  }

  static Map<String, String> annotations(Manifests m) {
    return ingress(m).getMetadata().getAnnotations();
  }

  /** The port named {@code name} of {@code service}; fails, naming {@code whose}, if none is. */
  static ServicePort servicePort(Service service, String name, String whose) {
    return service.getSpec().getPorts().stream()
        .filter(p -> p.getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError(whose + " port " + name + " is not on the Service"));
  }

  /** The ALB controller's rule: paths in the order written, the first that matches wins. */
  static Optional<HTTPIngressPath> albChoice(IngressRule rule, String url) {
    String path = url.split("\\?", 2)[0];
    return rule.getHttp().getPaths().stream().filter(p -> matches(p, path)).findFirst();
  }

  /** Kubernetes' rule for the same paths: the longest matching one wins. */
  static Optional<HTTPIngressPath> kubernetesChoice(IngressRule rule, String url) {
    String path = url.split("\\?", 2)[0];
    return rule.getHttp().getPaths().stream()
        .filter(p -> matches(p, path))
        .max(Comparator.comparingInt(p -> p.getPath().length()));
  }

  private static boolean matches(HTTPIngressPath p, String path) {
    String prefix = p.getPath();
    return switch (p.getPathType()) {
      case "Exact" -> path.equals(prefix);
      case "Prefix" ->
          prefix.equals("/")
              || path.equals(prefix)
              || path.startsWith(prefix.endsWith("/") ? prefix : prefix + "/");
      default -> throw new AssertionError("pathType " + p.getPathType() + " is not checked here");
    };
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "test", "prod"})
  void noPublicPathReachesMetricsOrHealth(String env) throws IOException {
    Manifests m = OverlayTest.rendered(env);
    Ingress ingress = ingress(m);
    assertNull(ingress.getSpec().getDefaultBackend(), env + ": unmatched requests go nowhere");
    JsonNode action = JSON.readTree(annotations(m).get(ANNOTATION + "actions." + NOT_FOUND_ACTION));
    assertNotNull(action, env + ": the fixed-response action is defined");
    assertEquals("fixed-response", action.path("type").asText());
    assertEquals("404", action.path("fixedResponseConfig").path("statusCode").asText());

    assertTrue(ingress.getSpec().getRules().size() >= 1);
    for (IngressRule rule : ingress.getSpec().getRules()) {
      for (String url : MANAGEMENT_PATHS) {
        for (var choice : List.of(albChoice(rule, url), kubernetesChoice(rule, url))) {
          IngressServiceBackend backend = choice.orElseThrow().getBackend().getService();
          assertEquals(NOT_FOUND_ACTION, backend.getName(), env + ": " + url + " is answered 404");
          assertEquals("use-annotation", backend.getPort().getName(), env + ": " + url);
        }
      }
      for (String url : APP_PATHS) {
        for (var choice : List.of(albChoice(rule, url), kubernetesChoice(rule, url))) {
          IngressServiceBackend backend = choice.orElseThrow().getBackend().getService();
          assertEquals(OverlayTest.APP, backend.getName(), env + ": " + url + " reaches the app");
        }
      }
    }
  }

  /** Why both orders are checked: the ALB takes the first match, Kubernetes the longest. */
  @Test
  void aCatchAllListedFirstWouldHandMetricsToThePods() {
    IngressRule wrongOrder =
        new IngressRuleBuilder()
            .withNewHttp()
            .addNewPath()
            .withPath("/")
            .withPathType("Prefix")
            .withNewBackend()
            .withNewService()
            .withName(OverlayTest.APP)
            .endService()
            .endBackend()
            .endPath()
            .addNewPath()
            .withPath("/metrics")
            .withPathType("Prefix")
            .withNewBackend()
            .withNewService()
            .withName(NOT_FOUND_ACTION)
            .endService()
            .endBackend()
            .endPath()
            .endHttp()
            .build();
    assertEquals("/", albChoice(wrongOrder, "/metrics").orElseThrow().getPath());
    assertEquals("/metrics", kubernetesChoice(wrongOrder, "/metrics").orElseThrow().getPath());
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "test", "prod"})
  void prometheusTheKubeletAndTheAlbHealthCheckStillReachThem(String env) {
    Manifests m = OverlayTest.rendered(env);
    Container app = OverlayTest.container(m);
    Service service = m.one(Service.class, OverlayTest.APP);

    // Prometheus: ServiceMonitor → Service port by name → the container's port, path /metrics.
    ObjectNode monitor = m.custom("ServiceMonitor", OverlayTest.APP);
    JsonNode endpoint = monitor.at("/spec/endpoints/0");
    assertEquals("/metrics", endpoint.path("path").asText(), env);
    ServicePort scraped =
        servicePort(service, endpoint.path("port").asText(), env + ": the ServiceMonitor's");
    int metricsPort = OverlayTest.port(app, scraped.getTargetPort());

    // The kubelet: every probe on the same container port (paths: OverlayTest).
    for (var probe :
        List.of(app.getStartupProbe(), app.getLivenessProbe(), app.getReadinessProbe())) {
      assertTrue(probe.getHttpGet().getPath().startsWith("/health/"), env);
      assertEquals(metricsPort, OverlayTest.port(app, probe.getHttpGet().getPort()), env);
    }

    // The NetworkPolicy admits the monitoring namespace and the ALB's subnets on that port (the
    // kubelet's probes come from the pod's own node, which the VPC CNI always admits).
    NetworkPolicy policy = m.one(NetworkPolicy.class, "notejam-app-ingress");
    boolean monitoring =
        policy.getSpec().getIngress().stream()
            .anyMatch(
                r ->
                    r.getFrom().stream()
                            .anyMatch(
                                f ->
                                    f.getNamespaceSelector() != null
                                        && "monitoring"
                                            .equals(
                                                f.getNamespaceSelector()
                                                    .getMatchLabels()
                                                    .get("kubernetes.io/metadata.name")))
                        && r.getPorts().stream()
                            .anyMatch(p -> p.getPort().getIntVal() == metricsPort));
    assertTrue(monitoring, env + ": Prometheus admitted on " + metricsPort);
    boolean vpc =
        policy.getSpec().getIngress().stream()
            .anyMatch(
                r ->
                    r.getFrom().stream().anyMatch(f -> f.getIpBlock() != null)
                        && r.getPorts().stream()
                            .anyMatch(p -> p.getPort().getIntVal() == metricsPort));
    assertTrue(vpc, env + ": the ALB's health check admitted on " + metricsPort);

    // The ALB's target group health check goes to each pod's management port, past the rules.
    Map<String, String> a = annotations(m);
    assertEquals(
        app.getReadinessProbe().getHttpGet().getPath(), a.get(ANNOTATION + "healthcheck-path"));
    assertEquals(
        Integer.toString(metricsPort),
        a.get(ANNOTATION + "healthcheck-port"),
        env + ": health check on the management port");
  }

  /**
   * The pages and the management endpoints are on two container ports, the ones server.xml gives
   * them, and every public path of the Ingress leads to the pages' port: the server has no /metrics
   * or /health there (ManagementPortIT shows it on the running server).
   */
  @ParameterizedTest
  @ValueSource(strings = {"dev", "test", "prod"})
  void theIngressRoutesOnlyToThePagesPort(String env) throws IOException {
    Manifests m = OverlayTest.rendered(env);
    Container app = OverlayTest.container(m);
    Service service = m.one(Service.class, OverlayTest.APP);
    Map<String, String> server = ServerXml.variableDefaults();
    int pages = OverlayTest.port(app, new IntOrString("http"));
    int management = OverlayTest.port(app, new IntOrString("management"));
    assertEquals(Integer.parseInt(server.get("http.port")), pages, env + ": server.xml http.port");
    assertEquals(
        Integer.parseInt(server.get("management.port")),
        management,
        env + ": server.xml management.port");
    for (IngressRule rule : ingress(m).getSpec().getRules()) {
      for (HTTPIngressPath path : rule.getHttp().getPaths()) {
        IngressServiceBackend backend = path.getBackend().getService();
        if (backend.getName().equals(NOT_FOUND_ACTION)) {
          continue;
        }
        assertEquals(OverlayTest.APP, backend.getName(), env + ": " + path.getPath());
        ServicePort port =
            servicePort(service, backend.getPort().getName(), env + ": the Ingress's");
        assertEquals(
            pages,
            OverlayTest.port(app, port.getTargetPort()),
            env + ": " + path.getPath() + " leads to the pages' port only");
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "test", "prod"})
  void httpsOnlyWithAModernTlsPolicy(String env) throws IOException {
    Manifests m = OverlayTest.rendered(env);
    Map<String, String> a = annotations(m);
    String policy = a.get(ANNOTATION + "ssl-policy");
    assertNotNull(policy, env + ": ssl-policy set (the controller's default allows TLS 1.0)");
    assertTrue(MODERN_TLS_POLICY.matcher(policy).matches(), env + ": " + policy);

    JsonNode listeners = JSON.readTree(a.get(ANNOTATION + "listen-ports"));
    assertEquals(JSON.readTree("[{\"HTTP\": 80}, {\"HTTPS\": 443}]"), listeners, env);
    assertEquals("443", a.get(ANNOTATION + "ssl-redirect"), env + ": HTTP only redirects");

    Ingress ingress = ingress(m);
    List<String> hosts = ingress.getSpec().getRules().stream().map(IngressRule::getHost).toList();
    assertTrue(hosts.stream().allMatch(h -> h != null && !h.isBlank()), env + ": named hosts");
    assertEquals(
        hosts,
        ingress.getSpec().getTls().stream().flatMap(t -> t.getHosts().stream()).toList(),
        env + ": a certificate for every host");
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "test", "prod"})
  void theEnvironmentsWebAclGuardsTheLoadBalancer(String env) {
    Manifests m = OverlayTest.rendered(env);
    String arn = annotations(m).get(ANNOTATION + "wafv2-acl-arn");
    assertNotNull(arn, env + ": web ACL attached");
    Matcher acl = WEB_ACL_ARN.matcher(arn);
    assertTrue(acl.matches(), env + ": a regional WAFv2 web ACL: " + arn);
    Matcher registry = REGISTRY.matcher(OverlayTest.container(m).getImage());
    assertTrue(registry.matches(), env);
    String account = registry.group(1);
    String region = registry.group(2);
    assertEquals(region, acl.group(1), env + ": the ACL lives in the cluster's region");
    assertEquals(account, acl.group(2), env + ": and in its account");
    // The name the CDK app gives it (Deployment.webAclName; deploy/aws WebAclTest reads this file).
    assertEquals("notejam-" + env + "-" + region + "-ingress", acl.group(3), env);
  }
}
