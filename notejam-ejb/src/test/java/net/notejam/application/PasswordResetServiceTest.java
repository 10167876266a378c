package net.notejam.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PasswordResetServiceTest {

  @Test
  void theLinkIsTheWebsPathOnTheConfiguredBaseUrl() {
    assertEquals(
        "https://notejam.example/reset-password/abc/",
        PasswordResetService.link("https://notejam.example", "/reset-password/abc/"));
    assertEquals(
        "https://notejam.example/reset-password/abc/",
        PasswordResetService.link("https://notejam.example/", "/reset-password/abc/"));
  }

  @Test
  void theMailSaysHowLongTheLinkLasts() {
    assertEquals("1 hour", PasswordResetService.describe(Duration.ofHours(1)));
    assertEquals("2 hours", PasswordResetService.describe(Duration.ofHours(2)));
    assertEquals("90 minutes", PasswordResetService.describe(Duration.ofMinutes(90)));
    assertEquals("15 seconds", PasswordResetService.describe(Duration.ofSeconds(15)));
  }
}
