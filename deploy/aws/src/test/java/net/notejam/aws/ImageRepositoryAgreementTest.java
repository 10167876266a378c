package net.notejam.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.notejam.deploy.Manifests;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every image an overlay runs comes, by digest, from a repository RegistryStack makes for that
 * environment, and each digest is written in one file of deploy/ per environment, so promotion is
 * one change there.
 */
class ImageRepositoryAgreementTest {

  /** The overlay's PITR destination names its account and region (see PitrArchiveTest). */
  private static final Pattern OVERLAY_ACCOUNT_REGION =
      Pattern.compile("s3://notejam-[a-z]+-([a-z]+-[a-z]+-\\d)-pitr-(\\d{12})/");

  private static final Pattern IMAGE =
      Pattern.compile(
          "(\\d{12})\\.dkr\\.ecr\\.([a-z0-9-]+)\\.amazonaws\\.com/([^@:]+)@(sha256:[0-9a-f]{64})");

  @ParameterizedTest
  @EnumSource(EnvironmentProfile.class)
  void everyImageIsPinnedByDigestFromARepositoryOfThisEnvironment(EnvironmentProfile profile)
      throws IOException {
    Deployment overlay = overlayDeployment(profile);
    Set<String> made = new TreeSet<>();
    for (String image : RegistryStack.IMAGES) {
      made.add(RegistryStack.repositoryName(overlay, image));
    }
    Set<String> used = new TreeSet<>();
    for (String image : images(Manifests.of("overlays/" + profile.id()))) {
      Matcher m = IMAGE.matcher(image);
      assertTrue(m.matches(), profile + ": not an ECR image pinned by digest: " + image);
      assertEquals(overlay.account(), m.group(1), image);
      assertEquals(overlay.region(), m.group(2), image);
      assertTrue(made.contains(m.group(3)), image + " is not one of " + made);
      used.add(m.group(3));
    }
    assertEquals(made, used, profile + ": every repository the CDK app makes is deployed");
  }

  @ParameterizedTest
  @EnumSource(EnvironmentProfile.class)
  void eachDigestIsWrittenInExactlyOneFileOfTheOverlay(EnvironmentProfile profile)
      throws IOException {
    Path release = Manifests.DEPLOY.resolve("components/release/" + profile.id());
    for (String image : images(Manifests.of("overlays/" + profile.id()))) {
      Matcher m = IMAGE.matcher(image);
      assertTrue(m.matches(), image);
      String digest = m.group(4);
      List<Path> holders;
      try (Stream<Path> files = Files.walk(Manifests.DEPLOY)) {
        holders =
            files
                .filter(Files::isRegularFile)
                .filter(p -> p.toString().endsWith(".yaml"))
                .filter(p -> !p.toString().contains("node_modules"))
                // The same build runs in every environment it was promoted to; each of them
                // writes it once, in its own components/release/<env>.
                .filter(p -> p.startsWith(release) || !p.startsWith(release.getParent()))
                .filter(p -> read(p).contains(digest))
                .toList();
      }
      assertEquals(List.of(release.resolve("kustomization.yaml")), holders, digest);
    }
  }

  private static Deployment overlayDeployment(EnvironmentProfile profile) throws IOException {
    String values =
        Files.readString(Manifests.DEPLOY.resolve("overlays/" + profile.id() + "/env-values.yaml"));
    Matcher m = OVERLAY_ACCOUNT_REGION.matcher(values);
    assertTrue(m.find(), "no pitrDestination in " + profile);
    String region = m.group(1);
    String drRegion = region.equals("eu-west-1") ? "eu-central-1" : "eu-west-1";
    return new Deployment(profile, m.group(2), region, drRegion);
  }

  private static Set<String> images(Manifests overlay) {
    Set<String> images = new TreeSet<>();
    for (JsonNode object : overlay.raw) {
      object.findValues("image").forEach(v -> images.add(v.asText()));
    }
    assertTrue(images.size() >= 2, overlay.dir + ": " + images);
    return images;
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
