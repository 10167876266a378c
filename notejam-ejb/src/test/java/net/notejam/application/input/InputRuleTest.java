package net.notejam.application.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import net.notejam.application.error.InvalidInput;
import org.junit.jupiter.api.Test;

/** The rules and their messages, which the integration tests also see on the pages. */
class InputRuleTest {

  @Test
  void everyRuleRequiresAValue() {
    for (InputRule rule : InputRule.values()) {
      String required =
          rule == InputRule.SEARCH
              ? "Type a word to search your notes for"
              : "This field is required";
      assertEquals(Optional.of(required), rule.problem(null), rule.name());
      assertEquals(Optional.of(required), rule.problem("  "), rule.name());
    }
  }

  @Test
  void aSearchIsAtMostTwoHundredCharacters() {
    assertTrue(InputRule.SEARCH.accepts("s".repeat(200)));
    assertEquals(
        Optional.of("Search for at most 200 characters"),
        InputRule.SEARCH.problem("s".repeat(201)));
  }

  @Test
  void padAndNoteNamesAreAtMostAHundredCharacters() {
    for (InputRule rule : new InputRule[] {InputRule.PAD_NAME, InputRule.NOTE_NAME}) {
      assertTrue(rule.accepts("n".repeat(100)));
      assertEquals(
          Optional.of("Name must be at most 100 characters long"), rule.problem("n".repeat(101)));
    }
    assertEquals(
        Optional.of("Text must be at most 100000 characters long"),
        InputRule.NOTE_TEXT.problem("t".repeat(100_001)));
  }

  @Test
  void emailsToSignUpWithNeedADottedDomainAndAtMost254Characters() {
    String longest = "a".repeat(254 - "@example.com".length()) + "@example.com";
    assertTrue(InputRule.DELIVERABLE_EMAIL.accepts(longest));
    assertEquals(
        Optional.of("Email must be at most 254 characters long"),
        InputRule.DELIVERABLE_EMAIL.problem("a" + longest));
    assertEquals(
        Optional.of("Invalid email address"), InputRule.DELIVERABLE_EMAIL.problem("not-an-email"));
    assertEquals(Optional.of("Invalid email address"), InputRule.DELIVERABLE_EMAIL.problem("a@b"));
    assertTrue(InputRule.EMAIL.accepts("a@b"), "signing in does not check the format");
  }

  @Test
  void newPasswordsAreEightToAThousandCharacters() {
    String message = "Password must be 8 to 1000 characters long";
    assertEquals(Optional.of(message), InputRule.NEW_PASSWORD.problem("1234567"));
    assertTrue(InputRule.NEW_PASSWORD.accepts("12345678"));
    assertTrue(InputRule.NEW_PASSWORD.accepts("p".repeat(1000)));
    assertEquals(Optional.of(message), InputRule.NEW_PASSWORD.problem("p".repeat(1001)));
    assertTrue(InputRule.PASSWORD.accepts("short"), "an old password is only bounded");
    assertEquals(Optional.of(message), InputRule.PASSWORD.problem("p".repeat(1001)));
  }

  @Test
  void servicesGetTheFormsMessage() {
    InvalidInput refused = assertThrows(InvalidInput.class, () -> InputRule.PAD_NAME.check(""));
    assertEquals("This field is required", refused.getMessage());
    assertEquals("Work", InputRule.PAD_NAME.check("Work"));
  }
}
