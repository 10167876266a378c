package net.notejam.aws;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Acknowledgment;
import software.amazon.awscdk.Tags;
import software.amazon.awscdk.Validations;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointAwsService;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointOptions;
import software.amazon.awscdk.services.ec2.ISubnet;
import software.amazon.awscdk.services.ec2.InterfaceVpcEndpointAwsService;
import software.amazon.awscdk.services.ec2.InterfaceVpcEndpointOptions;
import software.amazon.awscdk.services.ec2.IpAddresses;
import software.amazon.awscdk.services.ec2.SubnetConfiguration;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.Vpc;
import software.constructs.Construct;

/**
 * The VPC: three zones, public subnets only for the load balancer, private subnets for the nodes
 * (and so for the database volumes, which live in the zone of the node that mounts them).
 */
public final class NetworkStack extends NotejamStack {
  /** Zones the cluster spreads over: losing one leaves two thirds of the capacity. */
  public static final int ZONES = 3;

  private final Vpc vpc;

  public NetworkStack(Construct scope, Deployment deployment) {
    super(scope, deployment, "network", "VPC over three zones", Holds.INFRASTRUCTURE);
    EnvironmentProfile.Settings settings = deployment.profile().settings();

    this.vpc =
        Vpc.Builder.create(this, "Vpc")
            .vpcName(deployment.prefix())
            .ipAddresses(IpAddresses.cidr(settings.cidr()))
            .maxAzs(ZONES)
            .natGateways(settings.natGateways())
            .subnetConfiguration(
                List.of(
                    // Small: only load balancer ENIs and NAT gateways live here.
                    SubnetConfiguration.builder()
                        .name("load-balancers")
                        .subnetType(SubnetType.PUBLIC)
                        .cidrMask(24)
                        .build(),
                    // Large: the VPC CNI gives every pod an address from its node's subnet.
                    SubnetConfiguration.builder()
                        .name("nodes")
                        .subnetType(SubnetType.PRIVATE_WITH_EGRESS)
                        .cidrMask(19)
                        .build()))
            // Image layers come from S3: the gateway endpoint is free and skips NAT charges.
            .gatewayEndpoints(
                Map.of(
                    "S3",
                    GatewayVpcEndpointOptions.builder()
                        .service(GatewayVpcEndpointAwsService.S3)
                        .build()))
            .build();

    // Explicit zone names are the point: each node group maps to one zone (cdk.context.json
    // records the zones per account and region, so they never change under a running cluster).
    Validations.of(vpc)
        .acknowledge(
            Acknowledgment.builder()
                .id("CloudFormation-Validate::W3010")
                .reason("zones pinned per account and region in cdk.context.json")
                .build());
    if (vpc.getAvailabilityZones().size() < ZONES) {
      throw new IllegalStateException(
          deployment.region() + " offers fewer than " + ZONES + " zones to this account");
    }

    // Image pulls (manifests and tokens) stay inside the VPC instead of going through NAT.
    SubnetSelection nodeSubnets = nodeSubnets();
    vpc.addInterfaceEndpoint(
        "EcrApi",
        InterfaceVpcEndpointOptions.builder()
            .service(InterfaceVpcEndpointAwsService.ECR)
            .subnets(nodeSubnets)
            .privateDnsEnabled(true)
            .build());
    vpc.addInterfaceEndpoint(
        "EcrDocker",
        InterfaceVpcEndpointOptions.builder()
            .service(InterfaceVpcEndpointAwsService.ECR_DOCKER)
            .subnets(nodeSubnets)
            .privateDnsEnabled(true)
            .build());

    // The AWS Load Balancer Controller finds its subnets by these tags: internet-facing load
    // balancers go to the public subnets only.
    for (ISubnet subnet : vpc.getPublicSubnets()) {
      Tags.of(subnet).add("kubernetes.io/role/elb", "1");
    }
    for (ISubnet subnet : vpc.getPrivateSubnets()) {
      Tags.of(subnet).add("kubernetes.io/role/internal-elb", "1");
    }
  }

  public Vpc vpc() {
    return vpc;
  }

  /** The private subnets of all zones. */
  public static SubnetSelection nodeSubnets() {
    return SubnetSelection.builder().subnetType(SubnetType.PRIVATE_WITH_EGRESS).build();
  }

  /** The private subnet of one zone. */
  public static SubnetSelection nodeSubnets(String zone) {
    return SubnetSelection.builder()
        .subnetType(SubnetType.PRIVATE_WITH_EGRESS)
        .availabilityZones(List.of(zone))
        .build();
  }
}
