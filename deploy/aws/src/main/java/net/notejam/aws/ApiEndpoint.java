package net.notejam.aws;

import software.amazon.awscdk.services.eks.EndpointAccess;

/**
 * Who reaches the cluster's Kubernetes API: always the VPC (nodes, the kubectl handler), and from
 * outside only the ranges of {@link Deployment#apiAllowedCidrs()}; without any, nobody outside.
 */
final class ApiEndpoint {
  private ApiEndpoint() {}

  static EndpointAccess access(Deployment deployment) {
    if (deployment.apiAllowedCidrs().isEmpty()) {
      return EndpointAccess.PRIVATE;
    }
    return EndpointAccess.PUBLIC_AND_PRIVATE.onlyFrom(
        deployment.apiAllowedCidrs().toArray(String[]::new));
  }
}
