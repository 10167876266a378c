package net.notejam.aws;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.s3.Bucket;
import software.constructs.Construct;

/**
 * What a standby database reads: the copy, in its region, of the other region's WAL archive ({@link
 * Deployment#incomingPitrReplicaBucketName()}, made by that deployment's recovery stack). Read
 * only, and by name: the bucket belongs to the other deployment's stacks, and a reference would tie
 * the two regions' stacks together. The standby's notejam-db (deploy/overlays/prod-dr, ObjectStore
 * notejam-db-primary-archive) restores its base backup and WAL from it.
 */
final class StandbyArchive {
  private StandbyArchive() {}

  /**
   * Grants {@code role} read on the incoming replica and decryption with its key, which is known
   * here by its alias only (it lives in the other deployment's recovery stack).
   */
  static void grantRead(Construct scope, Deployment deployment, Role role) {
    Bucket.fromBucketName(scope, "IncomingPitrReplica", deployment.incomingPitrReplicaBucketName())
        .grantRead(role);
    role.addToPolicy(
        PolicyStatement.Builder.create()
            .actions(List.of("kms:Decrypt", "kms:DescribeKey"))
            .resources(
                List.of(
                    "arn:aws:kms:" + deployment.region() + ":" + deployment.account() + ":key/*"))
            .conditions(
                Map.of(
                    "ForAnyValue:StringEquals",
                    Map.of(
                        "kms:ResourceAliases",
                        "alias/" + deployment.incomingPitrReplicaKeyAlias())))
            .build());
  }
}
