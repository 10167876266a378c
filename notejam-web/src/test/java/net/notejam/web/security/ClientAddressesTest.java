package net.notejam.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ClientAddressesTest {

  @Test
  void withoutTrustedProxiesTheHeaderIsIgnored() {
    assertEquals("10.0.0.5", ClientAddresses.of("10.0.0.5", "203.0.113.7", 0));
  }

  @Test
  void behindOneProxyTheLastEntryCounts() {
    assertEquals("203.0.113.7", ClientAddresses.of("10.0.0.5", "1.2.3.4, 203.0.113.7", 1));
    assertEquals("1.2.3.4", ClientAddresses.of("10.0.0.5", "1.2.3.4, 203.0.113.7", 2));
    assertEquals("2001:db8::1", ClientAddresses.of("10.0.0.5", "2001:db8::1", 1));
  }

  @Test
  void aMissingShortOrMalformedHeaderFallsBackToTheConnection() {
    assertEquals("10.0.0.5", ClientAddresses.of("10.0.0.5", null, 1));
    assertEquals("10.0.0.5", ClientAddresses.of("10.0.0.5", "203.0.113.7", 2));
    assertEquals("10.0.0.5", ClientAddresses.of("10.0.0.5", "<script>", 1));
  }
}
