package net.notejam.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * Notejam's dates: "Today at 22:47", "Yesterday at 22:47", "3 days ago" up to six days back,
 * otherwise the date ("12 Nov 2026"), in the server's configured zone.
 */
public final class SmartDate {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

  private final Clock clock;
  private final ZoneId zone;

  public SmartDate(Clock clock, ZoneId zone) {
    this.clock = clock;
    this.zone = zone;
  }

  public String format(Instant instant) {
    if (instant == null) {
      return "";
    }
    ZonedDateTime moment = instant.atZone(zone);
    LocalDate today = LocalDate.now(clock.withZone(zone));
    long daysAgo = ChronoUnit.DAYS.between(moment.toLocalDate(), today);
    if (daysAgo == 0) {
      return "Today at " + TIME.format(moment);
    } else if (daysAgo == 1) {
      return "Yesterday at " + TIME.format(moment);
    } else if (daysAgo >= 2 && daysAgo <= 6) {
      return daysAgo + " days ago";
    }
    return DATE.format(moment);
  }
}
