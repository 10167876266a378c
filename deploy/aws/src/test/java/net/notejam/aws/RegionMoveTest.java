package net.notejam.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;

/**
 * An emergency move synthesizes the same environment in another region: it must come out with the
 * same shape, only the region-bound names and zones differing.
 */
class RegionMoveTest {
  private static final String NEW_REGION = "eu-central-1";
  private static final String NEW_DR_REGION = "eu-north-1";

  private static final SynthesizedDeployment ORIGINAL =
      SynthesizedDeployment.of(EnvironmentProfile.PROD);
  private static final SynthesizedDeployment MOVED =
      SynthesizedDeployment.of(ORIGINAL.deployment.movedTo(NEW_REGION, NEW_DR_REGION));

  @Test
  void movedStacksHaveTheSameResourcesByType() {
    List<Stack> original = ORIGINAL.stacks.all();
    List<Stack> moved = MOVED.stacks.all();
    for (int i = 0; i < original.size(); i++) {
      assertEquals(
          resourceCountsByType(ORIGINAL.template(original.get(i))),
          resourceCountsByType(MOVED.template(moved.get(i))),
          moved.get(i).getStackName());
    }
  }

  @Test
  void movedStacksAreNewStacksNamedAfterTheNewRegion() {
    for (Stack stack : MOVED.stacks.all()) {
      String region = stack == MOVED.stacks.recovery() ? NEW_DR_REGION : NEW_REGION;
      assertTrue(stack.getStackName().contains(region), stack.getStackName());
      assertEquals(region, stack.getRegion());
    }
    Set<String> originalNames =
        ORIGINAL.stacks.all().stream().map(Stack::getStackName).collect(Collectors.toSet());
    // The recovery stack of the original deployment (in the new region) is left untouched.
    assertTrue(
        MOVED.stacks.all().stream().map(Stack::getStackName).noneMatch(originalNames::contains));
  }

  @Test
  void movedNodeGroupsCoverTheNewRegionsZones() {
    Set<String> zones =
        ClusterTest.nodeGroups(MOVED).stream()
            .map(ClusterTest.NodeGroup::zone)
            .collect(Collectors.toSet());
    assertEquals(Set.of("eu-central-1a", "eu-central-1b", "eu-central-1c"), zones);
  }

  @Test
  void movedBackupsAreCopiedToTheNewDrRegion() {
    Map<String, Object> policy =
        Templates.single(MOVED.dataProtection(), "AWS::DLM::LifecyclePolicy");
    Map<String, Object> schedule =
        Templates.map(Templates.list(Templates.at(policy, "PolicyDetails", "Schedules")).get(0));
    Map<String, Object> copy =
        Templates.map(Templates.list(schedule.get("CrossRegionCopyRules")).get(0));
    assertEquals(NEW_DR_REGION, copy.get("Target"));
    for (String replica :
        List.of(MOVED.deployment.replicaBucketName(), MOVED.deployment.pitrReplicaBucketName())) {
      Templates.bucket(MOVED.recovery(), replica);
      assertTrue(replica.contains(NEW_DR_REGION), replica);
    }
  }

  private static Map<String, Long> resourceCountsByType(Template template) {
    Map<String, Object> resources = Templates.map(template.toJSON().get("Resources"));
    return resources.values().stream()
        .map(resource -> (String) Templates.map(resource).get("Type"))
        .collect(Collectors.groupingBy(type -> type, TreeMap::new, Collectors.counting()));
  }
}
