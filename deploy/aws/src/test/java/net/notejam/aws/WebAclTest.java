package net.notejam.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class WebAclTest {

  /** The overlays' web ACL, as the Ingress annotation names it (deploy/overlays/*). */
  private static final Pattern OVERLAY_ARN =
      Pattern.compile(
          "(?m)^\\s*wafAclArn:\\s*arn:aws:wafv2:([a-z0-9-]+):(\\d{12}):regional/webacl/([^/\\s]+)/\\S+$");

  static Map<String, Object> webAcl(EnvironmentProfile profile) {
    return Templates.single(SynthesizedDeployment.of(profile).firewall(), "AWS::WAFv2::WebACL");
  }

  static Map<String, Map<String, Object>> rulesByName(Map<String, Object> acl) {
    return Templates.list(acl.get("Rules")).stream()
        .map(Templates::map)
        .collect(Collectors.toMap(rule -> (String) rule.get("Name"), rule -> rule));
  }

  static void assertVisible(Object visibilityConfig, String what) {
    Map<String, Object> visibility = Templates.map(visibilityConfig);
    assertNotNull(visibility, what + ": visibility config");
    assertEquals(true, visibility.get("CloudWatchMetricsEnabled"), what);
    assertEquals(true, visibility.get("SampledRequestsEnabled"), what);
    assertTrue(((String) visibility.get("MetricName")).matches("[\\w#:.\\-/]{1,255}"), what);
  }

  @ParameterizedTest
  @EnumSource(EnvironmentProfile.class)
  void aRegionalWebAclNamedForTheEnvironmentAllowsWhatNoRuleBlocks(EnvironmentProfile profile) {
    SynthesizedDeployment synthesized = SynthesizedDeployment.of(profile);
    Map<String, Object> acl = webAcl(profile);
    assertEquals("REGIONAL", acl.get("Scope"), "regional: an ALB, not CloudFront");
    assertEquals(synthesized.deployment.webAclName(), acl.get("Name"));
    assertEquals("notejam-" + profile.id() + "-eu-west-1-ingress", acl.get("Name"));
    assertEquals(Map.of("Allow", Map.of()), acl.get("DefaultAction"));
    assertVisible(acl.get("VisibilityConfig"), "web ACL");
    Map<String, Object> outputs = Templates.map(synthesized.firewall().toJSON().get("Outputs"));
    Map<String, Object> output = Templates.map(outputs.get("WebAclArn"));
    assertNotNull(output, "WebAclArn output for the overlays");
    assertEquals(
        Map.of(
            "Fn::GetAtt",
            List.of(
                Templates.resources(synthesized.firewall(), "AWS::WAFv2::WebACL")
                    .keySet()
                    .iterator()
                    .next(),
                "Arn")),
        output.get("Value"));
    assertEquals(
        "notejam-" + profile.id() + "-eu-west-1-firewall",
        synthesized.stacks.firewall().getStackName());
  }

  @ParameterizedTest
  @EnumSource(EnvironmentProfile.class)
  void managedRuleSetsBlockWhatTheyBlock(EnvironmentProfile profile) {
    Map<String, Map<String, Object>> rules = rulesByName(webAcl(profile));
    for (String group :
        List.of("AWSManagedRulesCommonRuleSet", "AWSManagedRulesKnownBadInputsRuleSet")) {
      Map<String, Object> rule = rules.get(group);
      assertNotNull(rule, group);
      Map<String, Object> statement =
          Templates.map(Templates.at(rule, "Statement", "ManagedRuleGroupStatement"));
      assertEquals("AWS", statement.get("VendorName"), group);
      assertEquals(group, statement.get("Name"));
      // None: the group's block actions stand (Count would only log).
      assertEquals(Map.of("None", Map.of()), rule.get("OverrideAction"), group);
      assertVisible(rule.get("VisibilityConfig"), group);
    }
    // Only the body size rule is counted, and only because a note is larger than 8 KB.
    List<Object> overrides =
        Templates.list(
            Templates.at(
                rules.get("AWSManagedRulesCommonRuleSet"),
                "Statement",
                "ManagedRuleGroupStatement",
                "RuleActionOverrides"));
    assertEquals(
        List.of(Map.of("Name", "SizeRestrictions_BODY", "ActionToUse", Map.of("Count", Map.of()))),
        overrides);
    assertTrue(
        Templates.at(
                rules.get("AWSManagedRulesKnownBadInputsRuleSet"),
                "Statement",
                "ManagedRuleGroupStatement",
                "RuleActionOverrides")
            == null,
        "known bad inputs (Log4Shell, Java deserialisation) block unchanged");
  }

  @ParameterizedTest
  @EnumSource(EnvironmentProfile.class)
  void eachClientAddressIsRateLimited(EnvironmentProfile profile) {
    Map<String, Object> rule = rulesByName(webAcl(profile)).get("RatePerClientAddress");
    assertNotNull(rule, "rate-based rule");
    Map<String, Object> rate = Templates.map(Templates.at(rule, "Statement", "RateBasedStatement"));
    assertEquals("IP", rate.get("AggregateKeyType"), "per client address as the ALB sees it");
    assertEquals(FirewallStack.RATE_LIMIT, Templates.number(rate.get("Limit")));
    assertEquals(300, Templates.number(rate.get("EvaluationWindowSec")));
    int perSecond = FirewallStack.RATE_LIMIT / FirewallStack.RATE_WINDOW_SECONDS;
    assertTrue(perSecond >= 5 && perSecond <= 20, "between a busy office and a script");
    assertTrue(rate.get("ScopeDownStatement") == null, "every request counts");
    assertEquals(Map.of("Block", Map.of()), rule.get("Action"));
    assertVisible(rule.get("VisibilityConfig"), "rate rule");
  }

  @ParameterizedTest
  @EnumSource(EnvironmentProfile.class)
  void managementPathsAreNotFoundHoweverTheyAreSpelt(EnvironmentProfile profile) {
    Map<String, Object> acl = webAcl(profile);
    Map<String, Object> rule = rulesByName(acl).get("ManagementPathsNotFound");
    assertNotNull(rule);
    List<Object> statements =
        Templates.list(Templates.at(rule, "Statement", "OrStatement", "Statements"));
    List<String> paths =
        statements.stream()
            .map(s -> Templates.map(Templates.at(Templates.map(s), "ByteMatchStatement")))
            .peek(
                match -> {
                  assertEquals(Map.of("UriPath", Map.of()), match.get("FieldToMatch"));
                  assertEquals("CONTAINS", match.get("PositionalConstraint"));
                  // Decoded first, then normalised: %2e%2e becomes .. before it is resolved.
                  List<String> transformations =
                      Templates.list(match.get("TextTransformations")).stream()
                          .map(Templates::map)
                          .sorted(Comparator.comparingInt(t -> Templates.number(t.get("Priority"))))
                          .map(t -> (String) t.get("Type"))
                          .toList();
                  assertEquals(List.of("URL_DECODE", "NORMALIZE_PATH"), transformations);
                })
            .map(match -> (String) match.get("SearchString"))
            .toList();
    assertEquals(List.of("/metrics", "/health"), paths);
    assertEquals(
        404,
        Templates.number(Templates.at(rule, "Action", "Block", "CustomResponse", "ResponseCode")));
    // First of all rules: nothing else decides about these paths.
    int lowest =
        rulesByName(acl).values().stream()
            .mapToInt(r -> Templates.number(r.get("Priority")))
            .min()
            .orElseThrow();
    assertEquals(lowest, Templates.number(rule.get("Priority")));
    assertVisible(rule.get("VisibilityConfig"), "management paths");
  }

  /** The load balancer controller may attach the ACL to the ALB it makes for the Ingress. */
  @ParameterizedTest
  @EnumSource(EnvironmentProfile.class)
  void theLoadBalancerControllerMayAttachIt(EnvironmentProfile profile) {
    List<String> actions = new ArrayList<>();
    for (Map<String, Object> policy :
        Templates.properties(SynthesizedDeployment.of(profile).cluster(), "AWS::IAM::Policy")) {
      for (Object statement : Templates.list(Templates.at(policy, "PolicyDocument", "Statement"))) {
        Object action = Templates.map(statement).get("Action");
        if (action instanceof List<?> list) {
          list.forEach(a -> actions.add(a.toString()));
        } else if (action != null) {
          actions.add(action.toString());
        }
      }
    }
    for (String needed :
        List.of(
            "wafv2:GetWebACL",
            "wafv2:GetWebACLForResource",
            "wafv2:AssociateWebACL",
            "wafv2:DisassociateWebACL")) {
      assertTrue(actions.contains(needed), needed + " in the cluster stack's IAM policies");
    }
  }

  /** The ACL each overlay attaches is the one this app creates for that environment. */
  @ParameterizedTest
  @EnumSource(EnvironmentProfile.class)
  void theOverlayAttachesTheAclOfItsEnvironment(EnvironmentProfile profile) throws IOException {
    Path values = Path.of("..", "overlays", profile.id(), "env-values.yaml");
    Matcher arn = OVERLAY_ARN.matcher(Files.readString(values));
    assertTrue(arn.find(), values + ": wafAclArn");
    String region = arn.group(1);
    String account = arn.group(2);
    String drRegion = region.equals("eu-west-1") ? "eu-central-1" : "eu-west-1";
    Deployment overlays = new Deployment(profile, account, region, drRegion);
    assertEquals(overlays.webAclName(), arn.group(3), values.toString());
    // And that name is the synthesized ACL's (shown for the tests' region).
    assertEquals(
        SynthesizedDeployment.of(profile).deployment.webAclName(), webAcl(profile).get("Name"));
  }
}
