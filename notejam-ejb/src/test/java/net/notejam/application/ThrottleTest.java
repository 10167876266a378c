package net.notejam.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ThrottleTest {

  private static final Duration FIRST = Duration.ofMinutes(1);
  private static final Duration MAX = Duration.ofMinutes(15);

  @Test
  void lockOutsStartAtTheFirstAndDoubleUpToTheMaximum() {
    assertEquals(Duration.ofMinutes(1), Throttle.lockout(FIRST, MAX, 0));
    assertEquals(Duration.ofMinutes(2), Throttle.lockout(FIRST, MAX, 1));
    assertEquals(Duration.ofMinutes(8), Throttle.lockout(FIRST, MAX, 3));
    assertEquals(MAX, Throttle.lockout(FIRST, MAX, 4));
    assertEquals(MAX, Throttle.lockout(FIRST, MAX, Integer.MAX_VALUE));
  }

  @Test
  void anAccountsKeyIsTheSameForEverySpellingOfItsEmailAndHoldsNoEmail() {
    String key = Throttle.accountKey("Someone@Example.com ");
    assertEquals(key, Throttle.accountKey("someone@example.com"));
    assertTrue(key.startsWith("account:") && !key.contains("example"), key);
    assertEquals(Throttle.accountKey(""), Throttle.accountKey(null));
  }
}
