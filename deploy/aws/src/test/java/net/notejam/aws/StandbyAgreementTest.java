package net.notejam.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.notejam.deploy.Manifests;
import org.junit.jupiter.api.Test;

/**
 * The standby overlay (deploy/overlays/prod-dr) reads the bucket the primary's recovery stack fills
 * and archives to the bucket the standby deployment's data-protection stack makes; the same account
 * and regions as the prod overlay's own archive.
 */
class StandbyAgreementTest {

  @Test
  void theStandbyReadsThePrimarysReplicaAndArchivesToItsOwnRegionsBucket() {
    String primaryArchive = destination(Manifests.of("overlays/prod"), "notejam-db-pitr");
    // s3://notejam-prod-<region>-pitr-<account>/
    String[] parts = primaryArchive.replace("s3://notejam-prod-", "").split("-pitr-");
    String region = parts[0];
    String account = parts[1].replace("/", "");
    Manifests standby = Manifests.of("overlays/prod-dr");
    String standbyArchive = destination(standby, "notejam-db-pitr");
    String drRegion = standbyArchive.replace("s3://notejam-prod-", "").split("-pitr-")[0];
    Deployment primary = new Deployment(EnvironmentProfile.PROD, account, region, drRegion);
    Deployment standbyDeployment = primary.movedTo(drRegion, region);

    assertEquals("s3://" + primary.pitrBucketName() + "/", primaryArchive);
    assertEquals(
        "s3://" + primary.pitrReplicaBucketName() + "/",
        destination(standby, "notejam-db-primary-archive"),
        "the primary's recovery stack's PITR replica");
    assertEquals(
        "s3://" + standbyDeployment.incomingPitrReplicaBucketName() + "/",
        destination(standby, "notejam-db-primary-archive"),
        "what the standby's cluster stack lets notejam-db read");
    assertEquals("s3://" + standbyDeployment.pitrBucketName() + "/", standbyArchive);
  }

  /**
   * The fail back: home (deploy/overlays/prod-failback) reads the copy of the promoted standby's
   * archive that the standby deployment's recovery stack makes in the home region, and archives to
   * its own bucket; the rebuilt standby (overlays/prod-dr-failback) keeps prod-dr's buckets.
   */
  @Test
  void homeReadsTheStandbysReplicaToFailBackAndArchivesToItsOwnBucket() {
    Deployment primary = primaryOf(Manifests.of("overlays/prod"), Manifests.of("overlays/prod-dr"));
    Deployment standbyDeployment = primary.movedTo(primary.drRegion(), primary.region());
    Manifests home = Manifests.of("overlays/prod-failback");
    assertEquals(
        "s3://" + standbyDeployment.pitrReplicaBucketName() + "/",
        destination(home, "notejam-db-standby-archive"),
        "the standby's recovery stack's PITR replica");
    assertEquals(
        "s3://" + primary.incomingPitrReplicaBucketName() + "/",
        destination(home, "notejam-db-standby-archive"),
        "what prod's cluster stack lets notejam-db read");
    assertEquals("s3://" + primary.pitrBucketName() + "/", destination(home, "notejam-db-pitr"));
    Manifests standbyAgain = Manifests.of("overlays/prod-dr-failback");
    assertEquals(
        "s3://" + primary.pitrReplicaBucketName() + "/",
        destination(standbyAgain, "notejam-db-primary-archive"));
    assertEquals(
        "s3://" + standbyDeployment.pitrBucketName() + "/",
        destination(standbyAgain, "notejam-db-pitr"));
  }

  private static Deployment primaryOf(Manifests prod, Manifests standby) {
    String[] parts =
        destination(prod, "notejam-db-pitr").replace("s3://notejam-prod-", "").split("-pitr-");
    String drRegion =
        destination(standby, "notejam-db-pitr")
            .replace("s3://notejam-prod-", "")
            .split("-pitr-")[0];
    return new Deployment(EnvironmentProfile.PROD, parts[1].replace("/", ""), parts[0], drRegion);
  }

  private static String destination(Manifests m, String objectStore) {
    return m.custom("ObjectStore", objectStore).at("/spec/configuration/destinationPath").asText();
  }
}
