package net.notejam.aws;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.cxapi.CloudAssembly;

/**
 * The templates of one deployment, synthesized offline once per JVM: synthesis takes seconds, so
 * every test class shares the same cached result.
 */
final class SynthesizedDeployment {
  static final String ACCOUNT = "111111111111";
  static final String REGION = "eu-west-1";
  static final String DR_REGION = "eu-central-1";

  /** Documentation ranges (RFC 5737): the operators' addresses of the tests. */
  static final List<String> API_ALLOWED_CIDRS = List.of("203.0.113.0/24", "198.51.100.7/32");

  private static final Map<Deployment, SynthesizedDeployment> CACHE = new ConcurrentHashMap<>();

  final Deployment deployment;
  final NotejamStacks stacks;
  private final Map<Stack, Template> templates = new LinkedHashMap<>();

  private SynthesizedDeployment(Deployment deployment) {
    this.deployment = deployment;
    App app =
        app(
            new HashMap<>(),
            List.of(deployment.region(), deployment.drRegion()),
            deployment.environmentName() + "-" + deployment.region());
    this.stacks = NotejamStacks.define(app, deployment);
    CloudAssembly assembly = app.synth();
    for (Stack stack : stacks.all()) {
      @SuppressWarnings("unchecked")
      Map<String, Object> json =
          (Map<String, Object>) assembly.getStackByName(stack.getStackName()).getTemplate();
      templates.put(stack, Template.fromJSON(json));
    }
  }

  /**
   * An app with {@code context} (the CLI's {@code -c} values), offline: zone lookups of {@code
   * regions} answered here, and failing on CloudFormation schema errors as {@code cdk synth} does
   * with cdk.json.
   */
  static App app(Map<String, Object> context, List<String> regions, String outdirName) {
    context.put("@aws-cdk/core:validateAgainstDefaultRules", true);
    for (String region : regions) {
      context.put(
          "availability-zones:account=" + ACCOUNT + ":region=" + region,
          List.of(region + "a", region + "b", region + "c"));
    }
    Path outdir = Path.of("target", "cdk.out", outdirName);
    return new App(
        AppProps.builder()
            .context(context)
            .outdir(outdir.toString())
            .analyticsReporting(false)
            .build());
  }

  /**
   * What {@code cdk synth} makes of these {@code -c} values (with the tests' account): the
   * templates by stack name.
   */
  static Map<String, Template> ofContext(Map<String, String> cliContext) {
    return CONTEXT_CACHE.computeIfAbsent(Map.copyOf(cliContext), SynthesizedDeployment::synthesize);
  }

  private static final Map<Map<String, String>, Map<String, Template>> CONTEXT_CACHE =
      new ConcurrentHashMap<>();

  private static Map<String, Template> synthesize(Map<String, String> cliContext) {
    Map<String, Object> context = new HashMap<>(cliContext);
    context.putIfAbsent("account", ACCOUNT);
    App app =
        app(
            context,
            List.of(cliContext.get("region"), cliContext.get("drRegion")),
            "context-" + Integer.toHexString(cliContext.hashCode()));
    List<Stack> stacks = NotejamInfrastructure.define(app, Map.of());
    CloudAssembly assembly = app.synth();
    Map<String, Template> templates = new LinkedHashMap<>();
    for (Stack stack : stacks) {
      @SuppressWarnings("unchecked")
      Map<String, Object> json =
          (Map<String, Object>) assembly.getStackByName(stack.getStackName()).getTemplate();
      templates.put(stack.getStackName(), Template.fromJSON(json));
    }
    return templates;
  }

  static SynthesizedDeployment of(Deployment deployment) {
    return CACHE.computeIfAbsent(deployment, SynthesizedDeployment::new);
  }

  /** The profile in the usual region pair. */
  static SynthesizedDeployment of(EnvironmentProfile profile) {
    return of(new Deployment(profile, ACCOUNT, REGION, DR_REGION, API_ALLOWED_CIDRS));
  }

  Template template(Stack stack) {
    return templates.get(stack);
  }

  Template network() {
    return template(stacks.network());
  }

  Template recovery() {
    return template(stacks.recovery());
  }

  Template dataProtection() {
    return template(stacks.dataProtection());
  }

  Template cluster() {
    return template(stacks.cluster());
  }

  Template registry() {
    return template(stacks.registry());
  }

  Template firewall() {
    return template(stacks.firewall());
  }

  static {
    // Synthesis writes assets to java.io.tmpdir, which surefire points into target/.
    try {
      Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
