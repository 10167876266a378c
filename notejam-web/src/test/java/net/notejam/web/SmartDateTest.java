package net.notejam.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SmartDateTest {

  private static final Instant NOW = Instant.parse("2026-11-25T23:30:00Z");
  private final SmartDate utc = new SmartDate(Clock.fixed(NOW, ZoneOffset.UTC), ZoneOffset.UTC);

  @Test
  void todayAndYesterdayShowTheTime() {
    assertEquals("Today at 22:47", utc.format(Instant.parse("2026-11-25T22:47:10Z")));
    assertEquals("Today at 00:00", utc.format(Instant.parse("2026-11-25T00:00:00Z")));
    assertEquals("Yesterday at 23:59", utc.format(Instant.parse("2026-11-24T23:59:59Z")));
    assertEquals("Yesterday at 00:00", utc.format(Instant.parse("2026-11-24T00:00:00Z")));
  }

  @Test
  void twoToSixDaysBackAreCountedInDays() {
    assertEquals("2 days ago", utc.format(Instant.parse("2026-11-23T23:59:00Z")));
    assertEquals("6 days ago", utc.format(Instant.parse("2026-11-19T00:01:00Z")));
  }

  @Test
  void olderDatesAndFutureOnesShowTheDate() {
    assertEquals("18 Nov 2026", utc.format(Instant.parse("2026-11-18T12:00:00Z")));
    assertEquals("1 Jan 2025", utc.format(Instant.parse("2025-01-01T08:00:00Z")));
    assertEquals("27 Nov 2026", utc.format(Instant.parse("2026-11-27T08:00:00Z")));
  }

  @Test
  void daysFollowTheConfiguredZone() {
    ZoneId kyiv = ZoneId.of("Europe/Kyiv"); // UTC+2 in November: it is already the 26th there
    SmartDate local = new SmartDate(Clock.fixed(NOW, ZoneOffset.UTC), kyiv);

    assertEquals("Today at 01:10", local.format(Instant.parse("2026-11-25T23:10:00Z")));
    assertEquals("Yesterday at 23:00", local.format(Instant.parse("2026-11-25T21:00:00Z")));
  }

  @Test
  void noDateIsBlank() {
    assertEquals("", utc.format(null));
  }
}
