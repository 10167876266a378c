package net.notejam.web.security;

import static net.notejam.web.security.SecurityHeadersFilter.strictTransportSecurity;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SecurityHeadersFilterTest {

  @Test
  void hstsFollowsThePublicAddressByDefault() {
    assertEquals(
        Optional.of("max-age=31536000"),
        strictTransportSecurity("auto", "https://notejam.example.com", 31536000));
    assertEquals(Optional.empty(), strictTransportSecurity("auto", "http://localhost:9080", 1));
  }

  @Test
  void hstsCanBeForcedOnOrOff() {
    assertEquals(Optional.of("max-age=60"), strictTransportSecurity("on", "http://x", 60));
    assertEquals(
        Optional.empty(), strictTransportSecurity("OFF", "https://notejam.example.com", 60));
  }

  @Test
  void anUnknownHstsModeIsRefused() {
    assertThrows(
        IllegalArgumentException.class, () -> strictTransportSecurity("yes", "https://x", 60));
  }
}
