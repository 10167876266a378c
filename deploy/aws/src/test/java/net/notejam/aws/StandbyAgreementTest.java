package net.notejam.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.notejam.deploy.Manifests;
import org.junit.jupiter.api.Test;

/**
 * The standby overlay (deploy/overlays/prod-dr) reads the bucket the primary's recovery stack fills
 * and archives to the bucket the standby deployment's data-protection stack makes; the same account
 * and regions as the prod overlay's own archive. The fail back mirrors it: home
 * (overlays/prod-failback) reads the copy the standby deployment's recovery stack makes in the home
 * region.
 */
class StandbyAgreementTest {
  private static final Manifests PROD = Manifests.of("overlays/prod");
  private static final Manifests STANDBY = Manifests.of("overlays/prod-dr");

  @Test
  void theStandbyReadsThePrimarysReplicaAndArchivesToItsOwnRegionsBucket() {
    Deployment primary = primary();
    assertEquals("s3://" + primary.pitrBucketName() + "/", destination(PROD, "notejam-db-pitr"));
    assertReadsTheCopyAndArchivesToItsOwn(
        STANDBY, "notejam-db-primary-archive", primary, standbyOf(primary));
  }

  @Test
  void homeReadsTheStandbysReplicaToFailBackAndArchivesToItsOwnBucket() {
    Deployment primary = primary();
    assertReadsTheCopyAndArchivesToItsOwn(
        Manifests.of("overlays/prod-failback"),
        "notejam-db-standby-archive",
        standbyOf(primary),
        primary);
    assertReadsTheCopyAndArchivesToItsOwn(
        Manifests.of("overlays/prod-dr-failback"),
        "notejam-db-primary-archive",
        primary,
        standbyOf(primary));
  }

  /**
   * {@code overlay} reads, through ObjectStore {@code copy}, the PITR replica that {@code source}'s
   * recovery stack fills in the region of {@code self}, which {@code self}'s cluster stack lets
   * notejam-db read, and archives to {@code self}'s own PITR bucket.
   */
  private static void assertReadsTheCopyAndArchivesToItsOwn(
      Manifests overlay, String copy, Deployment source, Deployment self) {
    assertEquals(
        "s3://" + source.pitrReplicaBucketName() + "/",
        destination(overlay, copy),
        "the PITR replica of " + source.prefix() + "'s recovery stack");
    assertEquals(
        "s3://" + self.incomingPitrReplicaBucketName() + "/",
        destination(overlay, copy),
        "what " + self.prefix() + "'s cluster stack lets notejam-db read");
    assertEquals("s3://" + self.pitrBucketName() + "/", destination(overlay, "notejam-db-pitr"));
  }

  /** The deployment of overlays/prod, its DR region where overlays/prod-dr archives. */
  private static Deployment primary() {
    // s3://notejam-prod-<region>-pitr-<account>/
    String[] parts =
        destination(PROD, "notejam-db-pitr").replace("s3://notejam-prod-", "").split("-pitr-");
    String drRegion =
        destination(STANDBY, "notejam-db-pitr")
            .replace("s3://notejam-prod-", "")
            .split("-pitr-")[0];
    return new Deployment(EnvironmentProfile.PROD, parts[1].replace("/", ""), parts[0], drRegion);
  }

  private static Deployment standbyOf(Deployment primary) {
    return primary.movedTo(primary.drRegion(), primary.region());
  }

  private static String destination(Manifests m, String objectStore) {
    return m.custom("ObjectStore", objectStore).at("/spec/configuration/destinationPath").asText();
  }
}
