package net.notejam.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Template;

/**
 * Region failover on the AWS side: the standby region's database may read the copy of the primary's
 * archive and nothing else of it, and the DNS stack routes the public name to the active region's
 * load balancer, failing over to the other one by target health or by one deploy.
 */
class FailoverTest {
  static final String ZONE = "Z0123456789EXAMPLE";
  static final String PRIMARY_LB =
      "k8s-notejamp-notejam-0a1b2c3d4e-111.eu-west-1.elb.amazonaws.com";
  static final String STANDBY_LB =
      "k8s-notejamp-notejam-5f6a7b8c9d-222.eu-central-1.elb.amazonaws.com";

  /** The context of the DNS stack, as README "Region failover" passes it. */
  static Map<String, String> dnsContext(String failover) {
    Map<String, String> context = new HashMap<>();
    context.put("env", "prod");
    context.put("region", SynthesizedDeployment.REGION);
    context.put("drRegion", SynthesizedDeployment.DR_REGION);
    context.put("apiAllowedCidrs", String.join(",", SynthesizedDeployment.API_ALLOWED_CIDRS));
    context.put("hostedZoneId", ZONE);
    context.put("dnsName", "notejam.example.com");
    context.put("primaryLoadBalancer", PRIMARY_LB + "@Z32O12XQLNTSW2");
    context.put("standbyLoadBalancer", STANDBY_LB + "@Z215JYRZR1TBD5");
    if (failover != null) {
      context.put("failover", failover);
    }
    return context;
  }

  @Test
  void theStandbysDatabaseReadsTheCopyOfThePrimarysArchive() {
    Deployment primary = SynthesizedDeployment.of(EnvironmentProfile.PROD).deployment;
    assertReadsTheCopy(primary, primary.movedTo(primary.drRegion(), primary.region()));
  }

  /**
   * The fail back (README "Region failover", overlays/prod-failback): the promoted standby's
   * recovery stack copies its archive back to the primary region, and the primary's database reads
   * that copy the same way.
   */
  @Test
  void thePrimarysDatabaseReadsTheCopyOfTheStandbysArchiveToFailBack() {
    Deployment primary = SynthesizedDeployment.of(EnvironmentProfile.PROD).deployment;
    assertReadsTheCopy(primary.movedTo(primary.drRegion(), primary.region()), primary);
  }

  /** {@code standby}'s database reads the copy in its region of {@code primary}'s archive. */
  private static void assertReadsTheCopy(Deployment primary, Deployment standby) {
    // What the primary's recovery stack fills is what the standby's cluster stack reads.
    assertEquals(primary.pitrReplicaBucketName(), standby.incomingPitrReplicaBucketName());
    assertEquals(
        primary.keyAlias("pitr-from-" + primary.region()), standby.incomingPitrReplicaKeyAlias());
    Templates.bucket(SynthesizedDeployment.of(primary).recovery(), primary.pitrReplicaBucketName());

    List<Map<String, Object>> statements =
        PitrArchiveTest.statementsOfRole(
            SynthesizedDeployment.of(standby).cluster(), "DatabaseArchiveRole");
    List<Map<String, Object>> onCopy =
        statements.stream()
            .filter(s -> s.get("Resource").toString().contains(primary.pitrReplicaBucketName()))
            .toList();
    assertFalse(onCopy.isEmpty(), "the copy is read: " + statements);
    for (Map<String, Object> statement : onCopy) {
      assertTrue(
          PitrArchiveTest.actions(statement).stream()
              .allMatch(a -> a.startsWith("s3:Get") || a.startsWith("s3:List")),
          "read only: " + statement);
    }
    Map<String, Object> decrypt =
        statements.stream()
            .filter(s -> s.toString().contains("kms:ResourceAliases"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no decryption of the copy: " + statements));
    assertEquals(List.of("kms:Decrypt", "kms:DescribeKey"), PitrArchiveTest.actions(decrypt));
    assertEquals(
        "alias/" + standby.incomingPitrReplicaKeyAlias(),
        Templates.at(decrypt, "Condition", "ForAnyValue:StringEquals", "kms:ResourceAliases"));
    assertEquals(
        "arn:aws:kms:" + standby.region() + ":" + standby.account() + ":key/*",
        decrypt.get("Resource"));
  }

  @Test
  void withoutAHostedZoneThereIsNoDnsStack() {
    Map<String, String> context = dnsContext(null);
    context.remove("hostedZoneId");
    assertFalse(SynthesizedDeployment.ofContext(context).containsKey("notejam-prod-dns"));
  }

  @Test
  void thePublicNameFailsOverFromThePrimaryByItsTargetHealth() {
    assertEquals(
        Set.of(
            "PRIMARY/A " + SynthesizedDeployment.REGION + " " + PRIMARY_LB + " true",
            "PRIMARY/AAAA " + SynthesizedDeployment.REGION + " " + PRIMARY_LB + " true",
            "SECONDARY/A " + SynthesizedDeployment.DR_REGION + " " + STANDBY_LB + " false",
            "SECONDARY/AAAA " + SynthesizedDeployment.DR_REGION + " " + STANDBY_LB + " false"),
        records(null));
  }

  @Test
  void theForcedSwitchSwapsTheRolesAndTheFailBackSwapsThemBack() {
    Set<String> forced = records("standby");
    assertTrue(
        forced.contains(
            "PRIMARY/A " + SynthesizedDeployment.DR_REGION + " " + STANDBY_LB + " true"),
        forced.toString());
    assertTrue(
        forced.contains(
            "SECONDARY/A " + SynthesizedDeployment.REGION + " " + PRIMARY_LB + " false"),
        forced.toString());
    assertEquals(records(null), records("primary"));
    assertThrows(
        IllegalArgumentException.class,
        () -> SynthesizedDeployment.ofContext(dnsContext("eu-central-1")));
  }

  @Test
  void theDnsStackSaysWhichRegionIsActive() {
    Template dns = SynthesizedDeployment.ofContext(dnsContext(null)).get("notejam-prod-dns");
    assertEquals(
        4, Templates.resources(dns, "AWS::Route53::RecordSet").size(), "A and AAAA, twice");
    assertEquals(
        SynthesizedDeployment.REGION,
        Templates.at(Templates.map(dns.toJSON().get("Outputs")), "ActiveRegion", "Value"));
  }

  @Test
  void aMalformedLoadBalancerIsRefused() {
    Map<String, String> context = dnsContext(null);
    context.put("standbyLoadBalancer", STANDBY_LB);
    assertThrows(IllegalArgumentException.class, () -> SynthesizedDeployment.ofContext(context));
  }

  /** "failover/type setIdentifier target evaluateTargetHealth" of every record. */
  private static Set<String> records(String failover) {
    Template dns = SynthesizedDeployment.ofContext(dnsContext(failover)).get("notejam-prod-dns");
    return Templates.properties(dns, "AWS::Route53::RecordSet").stream()
        .peek(r -> assertEquals(ZONE, r.get("HostedZoneId")))
        .peek(r -> assertEquals("notejam.example.com.", r.get("Name")))
        .map(
            r ->
                r.get("Failover")
                    + "/"
                    + r.get("Type")
                    + " "
                    + r.get("SetIdentifier")
                    + " "
                    + Templates.at(r, "AliasTarget", "DNSName")
                    + " "
                    + Templates.at(r, "AliasTarget", "EvaluateTargetHealth"))
        .collect(Collectors.toSet());
  }
}
