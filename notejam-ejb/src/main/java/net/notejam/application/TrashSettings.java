package net.notejam.application;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The settings of the trash, {@code notejam.trash.*} (their meaning and defaults are in
 * microprofile-config.properties): how long a deleted item stays restorable, and how often the
 * purge job looks for older ones. Each component is an injected setting, as in {@link
 * ThrottleSettings}.
 */
@Dependent
public record TrashSettings(
    @ConfigProperty(name = "notejam.trash.retention") Duration retention,
    @ConfigProperty(name = "notejam.trash.purge-interval") Duration purgeInterval) {

  @Inject
  public TrashSettings {}

  /** The retention in whole days, as the pages say it ("for 30 days"); at least 1. */
  public long retentionDays() {
    return Math.max(1, retention.toDays());
  }
}
