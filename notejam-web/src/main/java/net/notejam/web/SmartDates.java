package net.notejam.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** {@link SmartDate} for pages: {@code #{smartDates.format(note.updatedAt())}}. */
@Named
@ApplicationScoped
public class SmartDates {

  @Inject
  @ConfigProperty(name = "notejam.time-zone")
  private String zone;

  private SmartDate smartDate;

  @PostConstruct
  void init() {
    smartDate = new SmartDate(Clock.systemUTC(), ZoneId.of(zone));
  }

  public String format(Instant instant) {
    return smartDate.format(instant);
  }
}
