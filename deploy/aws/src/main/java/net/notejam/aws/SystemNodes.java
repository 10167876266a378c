package net.notejam.aws;

import java.util.List;
import software.amazon.awscdk.services.ec2.BlockDevice;
import software.amazon.awscdk.services.ec2.BlockDeviceVolume;
import software.amazon.awscdk.services.ec2.EbsDeviceOptions;
import software.amazon.awscdk.services.ec2.EbsDeviceVolumeType;
import software.amazon.awscdk.services.ec2.LaunchTemplate;
import software.amazon.awscdk.services.ec2.LaunchTemplateHttpTokens;
import software.amazon.awscdk.services.eks.LaunchTemplateSpec;
import software.constructs.Construct;

/**
 * How the managed (system) node groups launch their nodes: IMDSv2 only, with a hop limit of 1 so
 * that a pod's packets (one hop further, through the pod network) cannot reach the instance
 * metadata and the node role's credentials. Pods take their roles through EKS Pod Identity.
 * Karpenter's nodes get the same from their EC2NodeClass (deploy/platform).
 */
final class SystemNodes {
  private SystemNodes() {}

  static LaunchTemplate launchTemplate(Construct scope) {
    return LaunchTemplate.Builder.create(scope, "SystemNodeTemplate")
        .requireImdsv2(true)
        .httpTokens(LaunchTemplateHttpTokens.REQUIRED)
        .httpPutResponseHopLimit(1)
        .blockDevices(
            List.of(
                BlockDevice.builder()
                    .deviceName("/dev/xvda")
                    .volume(
                        BlockDeviceVolume.ebs(
                            50,
                            EbsDeviceOptions.builder()
                                .volumeType(EbsDeviceVolumeType.GP3)
                                .encrypted(true)
                                .build()))
                    .build()))
        .build();
  }

  static LaunchTemplateSpec spec(LaunchTemplate template) {
    return LaunchTemplateSpec.builder()
        .id(template.getLaunchTemplateId())
        .version(template.getLatestVersionNumber())
        .build();
  }
}
