package net.notejam.application;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import net.notejam.application.error.InvalidInput;
import org.junit.jupiter.api.Test;

class CredentialsTest {

  @Test
  void emailsAreComparedWithoutCaseOrSurroundingBlanks() {
    assertEquals("zoë@example.com", Credentials.normalizeEmail("  Zoë@Example.COM "));
  }

  @Test
  void blankAndOversizedEmailsAreRefused() {
    assertThrows(InvalidInput.class, () -> Credentials.normalizeEmail(null));
    assertThrows(InvalidInput.class, () -> Credentials.normalizeEmail("   "));
    String longest = "a".repeat(254 - "@example.com".length()) + "@example.com";
    assertEquals(longest, Credentials.normalizeEmail(longest));
    assertThrows(InvalidInput.class, () -> Credentials.normalizeEmail("a" + longest));
  }

  @Test
  void newPasswordsAreEightToAThousandCharacters() {
    assertThrows(InvalidInput.class, () -> Credentials.checkNewPassword(null));
    assertThrows(InvalidInput.class, () -> Credentials.checkNewPassword("1234567"));
    assertDoesNotThrow(() -> Credentials.checkNewPassword("12345678"));
    assertDoesNotThrow(() -> Credentials.checkNewPassword("p".repeat(1000)));
    assertThrows(InvalidInput.class, () -> Credentials.checkNewPassword("p".repeat(1001)));
  }
}
