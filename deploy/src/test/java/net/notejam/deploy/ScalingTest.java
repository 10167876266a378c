package net.notejam.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * KEDA scales the app in the EKS overlays: on CPU, and ahead of the known peaks, business hours
 * (business-hours.yaml) and declared events (peak-events.yaml).
 */
class ScalingTest {
  /** Events bring four times the baseline; deploy/aws's CapacityPlan sizes the pool for it. */
  static final int PEAK_FACTOR = 4;

  /** Events are the cron triggers named so (peak-events.yaml). */
  static final String EVENT_PREFIX = "event-";

  private static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

  @ParameterizedTest
  @ValueSource(strings = {"dev", "test", "prod"})
  void theAppHasOneScalerAndItScalesTheRollout(String env) {
    Manifests m = Manifests.of("overlays/" + env);
    assertEquals(1, m.customs("ScaledObject").size(), env);
    assertEquals(List.of(), m.all(HorizontalPodAutoscaler.class), env + ": KEDA makes the HPA");
    Scaler scaler = Scaler.of(m);
    assertEquals("argoproj.io/v1alpha1", scaler.target().path("apiVersion").asText(), env);
    assertEquals("Rollout", scaler.target().path("kind").asText(), env);
    assertEquals(OverlayTest.APP, scaler.target().path("name").asText(), env);
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "test", "prod"})
  void cronTriggersStayWithinTheBoundsInOneTimeZone(String env) {
    Scaler scaler = Scaler.of(Manifests.of("overlays/" + env));
    for (Scaler.Cron cron : scaler.crons()) {
      assertTrue(
          cron.desiredReplicas() >= scaler.min() && cron.desiredReplicas() <= scaler.max(),
          env + ": " + cron);
      timeOf(cron.start());
      timeOf(cron.end());
    }
    Set<ZoneId> zones = scaler.crons().stream().map(Scaler.Cron::zone).collect(Collectors.toSet());
    assertTrue(zones.size() <= 1, env + ": one time zone per environment: " + zones);
  }

  @Test
  void prodRaisesTheCountBeforeBusinessHoursOnWeekdays() {
    Scaler scaler = Scaler.of(Manifests.of("overlays/prod"));
    List<Scaler.Cron> early =
        scaler.crons().stream()
            .filter(c -> !c.name().startsWith(EVENT_PREFIX))
            .filter(c -> c.desiredReplicas() > scaler.min())
            .filter(c -> days(c.start()).containsAll(WEEKDAYS))
            .filter(c -> timeOf(c.start()).isBefore(LocalTime.of(8, 0)))
            .filter(c -> !timeOf(c.end()).isBefore(LocalTime.of(18, 0)))
            .collect(Collectors.toList());
    assertEquals(1, early.size(), "one trigger from before 08:00 to 18:00 or later, Mon-Fri");
    assertEquals(ZoneId.of("Europe/Berlin"), early.get(0).zone(), "the customer's time");
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "test", "prod"})
  void declaredEventsAreFourTimesTheBaseline(String env) {
    assertEquals(List.of(), misdeclaredEvents(Scaler.of(Manifests.of("overlays/" + env))), env);
  }

  /** An event declared as peak-events.yaml says, once right and once at half the peak. */
  @Test
  void anEventBelowFourTimesTheBaselineIsCaught(@TempDir Path dir) throws IOException {
    Files.writeString(
        dir.resolve("kustomization.yaml"),
        String.join(
            "\n",
            "apiVersion: kustomize.config.k8s.io/v1beta1",
            "kind: Kustomization",
            "resources:",
            // Kustomize takes bases by relative path only.
            "  - "
                + dir.toRealPath()
                    .relativize(Manifests.DEPLOY.resolve("overlays/prod").toRealPath()),
            "patches:",
            "  - path: events.yaml",
            "    target:",
            "      kind: ScaledObject",
            "      name: notejam",
            ""));
    Files.writeString(dir.resolve("events.yaml"), event("right", 12) + event("half", 6));
    Scaler scaler = Scaler.of(Manifests.of(dir.toString()));
    assertEquals(2, scaler.crons().stream().filter(c -> c.name().startsWith(EVENT_PREFIX)).count());
    assertEquals(List.of(EVENT_PREFIX + "half"), misdeclaredEvents(scaler));
  }

  private static String event(String name, int replicas) {
    return String.join(
        "\n",
        "- op: add",
        "  path: /spec/triggers/-",
        "  value:",
        "    type: cron",
        "    name: " + EVENT_PREFIX + name,
        "    metadata:",
        "      timezone: Europe/Berlin",
        "      start: 0 7 15 3 *",
        "      end: 0 22 15 3 *",
        "      desiredReplicas: \"" + replicas + "\"",
        "");
  }

  /** The events whose count is not 4x the baseline (the minimum), or is beyond the maximum. */
  static List<String> misdeclaredEvents(Scaler scaler) {
    return scaler.crons().stream()
        .filter(c -> c.name().startsWith(EVENT_PREFIX))
        .filter(
            c ->
                c.desiredReplicas() != PEAK_FACTOR * scaler.min()
                    || c.desiredReplicas() > scaler.max())
        .map(Scaler.Cron::name)
        .collect(Collectors.toList());
  }

  /** The time of day a cron expression (minute hour day month weekday) fires at. */
  static LocalTime timeOf(String expression) {
    String[] fields = expression.trim().split("\\s+");
    assertEquals(5, fields.length, "five cron fields: " + expression);
    return LocalTime.of(Integer.parseInt(fields[1]), Integer.parseInt(fields[0]));
  }

  /**
   * The weekdays of a cron expression's fifth field: *, numbers (0 and 7 Sunday), ranges, lists.
   */
  static Set<DayOfWeek> days(String expression) {
    String field = expression.trim().split("\\s+")[4];
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    if (field.equals("*")) {
      return EnumSet.allOf(DayOfWeek.class);
    }
    for (String part : field.split(",")) {
      String[] range = part.split("-");
      int from = Integer.parseInt(range[0]);
      int to = range.length == 2 ? Integer.parseInt(range[1]) : from;
      for (int d = from; d <= to; d++) {
        days.add(DayOfWeek.of(d % 7 == 0 ? 7 : d % 7));
      }
    }
    return days;
  }
}
