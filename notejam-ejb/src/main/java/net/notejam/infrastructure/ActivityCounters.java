package net.notejam.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.annotation.Metric;

/**
 * What people do with Notejam, counted for /metrics (application scope): sign-ups, sign-ins by
 * result, password resets, and changes to pads and notes. Counts only: no emails, ids or names.
 * (Methods, not fields: callers hold a CDI proxy.)
 */
@ApplicationScoped
public class ActivityCounters {

  private static final String SIGNINS = "Sign-in attempts, by result";
  private static final String NOTES = "Notes created, updated and deleted";
  private static final String PADS = "Pads created, updated and deleted";

  @Inject
  @Metric(name = "notejam.signups", absolute = true, description = "Accounts created")
  private Counter signups;

  @Inject
  @Metric(name = "notejam.signins", absolute = true, tags = "result=success", description = SIGNINS)
  private Counter signinsSucceeded;

  @Inject
  @Metric(name = "notejam.signins", absolute = true, tags = "result=failure", description = SIGNINS)
  private Counter signinsFailed;

  @Inject
  @Metric(
      name = "notejam.password.reset.requested",
      absolute = true,
      description = "Password reset links mailed")
  private Counter resetsRequested;

  @Inject
  @Metric(
      name = "notejam.password.reset.dropped",
      absolute = true,
      description = "Password reset requests dropped by the per-address hourly limit")
  private Counter resetsDropped;

  @Inject
  @Metric(name = "notejam.note.changes", absolute = true, tags = "change=created", description = NOTES)
  private Counter notesCreated;

  @Inject
  @Metric(name = "notejam.note.changes", absolute = true, tags = "change=updated", description = NOTES)
  private Counter notesUpdated;

  @Inject
  @Metric(name = "notejam.note.changes", absolute = true, tags = "change=deleted", description = NOTES)
  private Counter notesDeleted;

  @Inject
  @Metric(name = "notejam.pad.changes", absolute = true, tags = "change=created", description = PADS)
  private Counter padsCreated;

  @Inject
  @Metric(name = "notejam.pad.changes", absolute = true, tags = "change=updated", description = PADS)
  private Counter padsUpdated;

  @Inject
  @Metric(name = "notejam.pad.changes", absolute = true, tags = "change=deleted", description = PADS)
  private Counter padsDeleted;

  public void signedUp() {
    signups.inc();
  }

  public void signInSucceeded() {
    signinsSucceeded.inc();
  }

  public void signInFailed() {
    signinsFailed.inc();
  }

  public void resetRequested() {
    resetsRequested.inc();
  }

  public void resetDropped() {
    resetsDropped.inc();
  }

  public void noteCreated() {
    notesCreated.inc();
  }

  public void noteUpdated() {
    notesUpdated.inc();
  }

  public void noteDeleted() {
    notesDeleted.inc();
  }

  public void padCreated() {
    padsCreated.inc();
  }

  public void padUpdated() {
    padsUpdated.inc();
  }

  public void padDeleted() {
    padsDeleted.inc();
  }
}
