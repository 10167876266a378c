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

  private static String destination(Manifests m, String objectStore) {
    return m.custom("ObjectStore", objectStore).at("/spec/configuration/destinationPath").asText();
  }
}
