package net.notejam.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.services.wafv2.CfnWebACL;
import software.amazon.awscdk.services.wafv2.CfnWebACL.BlockActionProperty;
import software.amazon.awscdk.services.wafv2.CfnWebACL.ByteMatchStatementProperty;
import software.amazon.awscdk.services.wafv2.CfnWebACL.CountActionProperty;
import software.amazon.awscdk.services.wafv2.CfnWebACL.CustomResponseProperty;
import software.amazon.awscdk.services.wafv2.CfnWebACL.DefaultActionProperty;
import software.amazon.awscdk.services.wafv2.CfnWebACL.FieldToMatchProperty;
import software.amazon.awscdk.services.wafv2.CfnWebACL.ManagedRuleGroupStatementProperty;
import software.amazon.awscdk.services.wafv2.CfnWebACL.OrStatementProperty;
import software.amazon.awscdk.services.wafv2.CfnWebACL.OverrideActionProperty;
import software.amazon.awscdk.services.wafv2.CfnWebACL.RateBasedStatementProperty;
import software.amazon.awscdk.services.wafv2.CfnWebACL.RuleActionOverrideProperty;
import software.amazon.awscdk.services.wafv2.CfnWebACL.RuleActionProperty;
import software.amazon.awscdk.services.wafv2.CfnWebACL.RuleProperty;
import software.amazon.awscdk.services.wafv2.CfnWebACL.StatementProperty;
import software.amazon.awscdk.services.wafv2.CfnWebACL.TextTransformationProperty;
import software.amazon.awscdk.services.wafv2.CfnWebACL.VisibilityConfigProperty;
import software.constructs.Construct;

/**
 * The AWS WAF web ACL in front of the environment's load balancer. The ALB the AWS Load Balancer
 * Controller makes for the Ingress joins it by the annotation {@code
 * alb.ingress.kubernetes.io/wafv2-acl-arn} (deploy/overlays/&lt;env&gt;/env-values.yaml, {@code
 * wafAclArn}), so its name is fixed here and its ARN is the stack's output {@code WebAclArn}.
 *
 * <p>Rules, in order: the management endpoints answer 404 (as the Ingress does, but after URL
 * decoding and path normalisation, so {@code /%6Detrics} or {@code /pads/../metrics} do not slip
 * past the listener rules); a rate limit per client address; AWS's common rule set and its
 * known-bad-inputs set. Everything else is allowed.
 */
public final class FirewallStack extends NotejamStack {

  /**
   * Requests per client address in {@link #RATE_WINDOW_SECONDS} before WAF blocks that address
   * until its rate falls again: 10 a second, far above one person (a page is 3–5 requests) and room
   * for an office behind one address, far below a scripted attack.
   */
  public static final int RATE_LIMIT = 3000;

  public static final int RATE_WINDOW_SECONDS = 300;

  /** Paths only Prometheus and the kubelet may ask for, inside the cluster. */
  public static final List<String> MANAGEMENT_PATHS = List.of("/metrics", "/health");

  /** AWS managed rule groups, in evaluation order. */
  public static final List<String> MANAGED_RULE_GROUPS =
      List.of("AWSManagedRulesCommonRuleSet", "AWSManagedRulesKnownBadInputsRuleSet");

  /**
   * Rules of the common set that only count: a note holds up to 100,000 characters, so a note's
   * form post is larger than the 8 KB the set's body size rule allows.
   */
  public static final List<String> COUNTED_RULES = List.of("SizeRestrictions_BODY");

  private final CfnWebACL webAcl;

  public FirewallStack(Construct scope, Deployment deployment) {
    super(scope, deployment, "firewall", "web ACL of the load balancer", Holds.INFRASTRUCTURE);
    String name = deployment.webAclName();

    List<RuleProperty> rules = new ArrayList<>();
    rules.add(
        RuleProperty.builder()
            .name("ManagementPathsNotFound")
            .priority(0)
            .statement(managementPaths())
            .action(
                RuleActionProperty.builder()
                    .block(
                        BlockActionProperty.builder()
                            .customResponse(
                                CustomResponseProperty.builder().responseCode(404).build())
                            .build())
                    .build())
            .visibilityConfig(visibility(name + "-management-paths"))
            .build());
    rules.add(
        RuleProperty.builder()
            .name("RatePerClientAddress")
            .priority(1)
            .statement(
                StatementProperty.builder()
                    .rateBasedStatement(
                        RateBasedStatementProperty.builder()
                            // The ALB is the first hop: the source address is the client's.
                            .aggregateKeyType("IP")
                            .limit(RATE_LIMIT)
                            .evaluationWindowSec(RATE_WINDOW_SECONDS)
                            .build())
                    .build())
            .action(
                RuleActionProperty.builder().block(BlockActionProperty.builder().build()).build())
            .visibilityConfig(visibility(name + "-rate"))
            .build());
    for (int i = 0; i < MANAGED_RULE_GROUPS.size(); i++) {
      String group = MANAGED_RULE_GROUPS.get(i);
      ManagedRuleGroupStatementProperty.Builder statement =
          ManagedRuleGroupStatementProperty.builder().vendorName("AWS").name(group);
      if (group.equals("AWSManagedRulesCommonRuleSet")) {
        statement.ruleActionOverrides(
            COUNTED_RULES.stream()
                .map(
                    rule ->
                        RuleActionOverrideProperty.builder()
                            .name(rule)
                            .actionToUse(
                                RuleActionProperty.builder()
                                    .count(CountActionProperty.builder().build())
                                    .build())
                            .build())
                .toList());
      }
      rules.add(
          RuleProperty.builder()
              .name(group)
              .priority(10 + i)
              .statement(
                  StatementProperty.builder().managedRuleGroupStatement(statement.build()).build())
              // The group's own actions (block) apply.
              .overrideAction(OverrideActionProperty.builder().none(Map.of()).build())
              .visibilityConfig(visibility(name + "-" + group))
              .build());
    }

    this.webAcl =
        CfnWebACL.Builder.create(this, "WebAcl")
            .name(name)
            // No apostrophes: the description's pattern refuses them.
            .description(
                "Notejam " + deployment.prefix() + ": in front of the Ingress load balancer")
            .scope("REGIONAL")
            .defaultAction(
                DefaultActionProperty.builder()
                    .allow(CfnWebACL.AllowActionProperty.builder().build())
                    .build())
            .visibilityConfig(visibility(name))
            .rules(rules)
            .build();

    CfnOutput.Builder.create(this, "WebAclArn")
        .description("alb.ingress.kubernetes.io/wafv2-acl-arn of the overlay (wafAclArn)")
        .value(webAcl.getAttrArn())
        .build();
  }

  /** Paths that contain a management path anywhere, after decoding and normalising. */
  private static StatementProperty managementPaths() {
    List<StatementProperty> matches =
        MANAGEMENT_PATHS.stream()
            .map(
                path ->
                    StatementProperty.builder()
                        .byteMatchStatement(
                            ByteMatchStatementProperty.builder()
                                .fieldToMatch(
                                    FieldToMatchProperty.builder().uriPath(Map.of()).build())
                                .positionalConstraint("CONTAINS")
                                .searchString(path)
                                .textTransformations(
                                    List.of(
                                        TextTransformationProperty.builder()
                                            .priority(0)
                                            .type("URL_DECODE")
                                            .build(),
                                        TextTransformationProperty.builder()
                                            .priority(1)
                                            .type("NORMALIZE_PATH")
                                            .build()))
                                .build())
                        .build())
            .toList();
    return StatementProperty.builder()
        .orStatement(OrStatementProperty.builder().statements(matches).build())
        .build();
  }

  /** Metrics in CloudWatch and sampled requests in the console, for every rule and the ACL. */
  private static VisibilityConfigProperty visibility(String metricName) {
    return VisibilityConfigProperty.builder()
        .cloudWatchMetricsEnabled(true)
        .sampledRequestsEnabled(true)
        .metricName(metricName)
        .build();
  }

  public CfnWebACL webAcl() {
    return webAcl;
  }
}
