package net.notejam.infrastructure;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.Map;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * What people do with Notejam, counted for /metrics (application scope): sign-ups, sign-ins by
 * result, password resets, attempts refused by the throttle, and changes to pads and notes. Counts
 * only: no emails, ids or names. Each counter is registered when the application starts, so that it
 * shows 0 until it happens.
 */
@ApplicationScoped
public class ActivityCounters {

  private static final String SIGNINS = "Sign-in attempts, by result";
  private static final String NOTES = "Notes created, updated, deleted (to the trash) and restored";
  private static final String PADS = "Pads created, updated, deleted (to the trash) and restored";
  private static final String THROTTLED =
      "Attempts refused by the throttle (too many failures or requests), by form";

  /**
   * The counted activities with their metric name, tag and description, as dashboards and alerts
   * know them: a Prometheus name is the metric name with dots as underscores, plus {@code _total}.
   */
  public enum Activity {
    SIGNED_UP("notejam.signups", null, "Accounts created"),
    SIGN_IN_SUCCEEDED("notejam.signins", "result=success", SIGNINS),
    SIGN_IN_FAILED("notejam.signins", "result=failure", SIGNINS),
    RESET_REQUESTED("notejam.password.reset.requested", null, "Password reset links mailed"),
    RESET_DROPPED(
        "notejam.password.reset.dropped",
        null,
        "Password reset requests dropped by the per-address hourly limit"),
    NOTE_CREATED("notejam.note.changes", "change=created", NOTES),
    NOTE_UPDATED("notejam.note.changes", "change=updated", NOTES),
    NOTE_DELETED("notejam.note.changes", "change=deleted", NOTES),
    NOTE_RESTORED("notejam.note.changes", "change=restored", NOTES),
    PAD_CREATED("notejam.pad.changes", "change=created", PADS),
    PAD_UPDATED("notejam.pad.changes", "change=updated", PADS),
    PAD_DELETED("notejam.pad.changes", "change=deleted", PADS),
    PAD_RESTORED("notejam.pad.changes", "change=restored", PADS),
    THROTTLED_SIGN_IN("notejam.throttled", "form=signin", THROTTLED),
    THROTTLED_SIGN_UP("notejam.throttled", "form=signup", THROTTLED),
    THROTTLED_RESET("notejam.throttled", "form=reset", THROTTLED);

    private final String metric;
    private final String tag;
    private final String description;

    Activity(String metric, String tag, String description) {
      this.metric = metric;
      this.tag = tag;
      this.description = description;
    }

    private Tag[] tags() {
      if (tag == null) {
        return new Tag[0];
      }
      String[] keyValue = tag.split("=", 2);
      return new Tag[] {new Tag(keyValue[0], keyValue[1])};
    }
  }

  @Inject private MetricRegistry registry;

  private final Map<Activity, Counter> counters = new EnumMap<>(Activity.class);

  /** Created with the application rather than on first use, so /metrics lists every counter. */
  void start(@Observes @Initialized(ApplicationScoped.class) Object application) {
    // Observing the start is enough: it creates the bean, whose @PostConstruct registers.
  }

  @PostConstruct
  void register() {
    for (Activity activity : Activity.values()) {
      Metadata metadata =
          Metadata.builder()
              .withName(activity.metric)
              .withDescription(activity.description)
              .build();
      counters.put(activity, registry.counter(metadata, activity.tags()));
    }
  }

  /** Counts one {@code activity}. (A method, not a field: callers hold a CDI proxy.) */
  public void count(Activity activity) {
    counters.get(activity).inc();
  }
}
