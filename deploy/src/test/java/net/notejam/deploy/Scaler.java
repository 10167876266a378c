package net.notejam.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The app's scaler in a rendered EKS overlay: KEDA's ScaledObject {@code notejam}
 * (components/scheduled-scaling with the overlay's bounds and cron triggers).
 */
record Scaler(ObjectNode object) {

  static Scaler of(Manifests overlay) {
    return new Scaler(overlay.custom("ScaledObject", OverlayTest.APP));
  }

  int min() {
    return object.at("/spec/minReplicaCount").asInt();
  }

  int max() {
    return object.at("/spec/maxReplicaCount").asInt();
  }

  JsonNode target() {
    return object.at("/spec/scaleTargetRef");
  }

  /** The HPA behaviour KEDA hands to the HPA it creates. */
  JsonNode behavior() {
    return object.at("/spec/advanced/horizontalPodAutoscalerConfig/behavior");
  }

  /** The CPU trigger's target utilisation in percent of the pods' request. */
  int cpuTarget() {
    for (JsonNode trigger : object.at("/spec/triggers")) {
      if (trigger.path("type").asText().equals("cpu")) {
        if (!trigger.path("metricType").asText().equals("Utilization")) {
          throw new AssertionError("the CPU trigger is not a Utilization: " + trigger);
        }
        return Integer.parseInt(trigger.at("/metadata/value").asText());
      }
    }
    throw new AssertionError("no cpu trigger: " + object.at("/spec/triggers"));
  }

  /** The cron triggers: windows in which KEDA holds at least {@code desiredReplicas} pods. */
  List<Cron> crons() {
    List<Cron> crons = new ArrayList<>();
    for (JsonNode trigger : object.at("/spec/triggers")) {
      if (trigger.path("type").asText().equals("cron")) {
        JsonNode m = trigger.path("metadata");
        crons.add(
            new Cron(
                trigger.path("name").asText(),
                ZoneId.of(m.path("timezone").asText()),
                m.path("start").asText(),
                m.path("end").asText(),
                Integer.parseInt(m.path("desiredReplicas").asText())));
      }
    }
    return crons;
  }

  /** A cron trigger; start and end are five-field cron expressions in {@code zone}. */
  record Cron(String name, ZoneId zone, String start, String end, int desiredReplicas) {}
}
