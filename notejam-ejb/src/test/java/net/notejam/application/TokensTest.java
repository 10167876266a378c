package net.notejam.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TokensTest {

  @Test
  void tokensAreStoredAsTheirSha256() {
    assertEquals(
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Tokens.hash("abc"));
    assertNotEquals(Tokens.hash("abc"), Tokens.hash("abd"));
  }

  @Test
  void aNewTokenIsWellFormedAndNeverTheSame() {
    String one = Tokens.random();
    assertTrue(Tokens.isWellFormed(one), one);
    assertNotEquals(one, Tokens.random());
  }

  @Test
  void anythingElseIsNotAToken() {
    String[] others = {
      null, "", "abc", Tokens.random() + "x", "a".repeat(42) + "=", "é".repeat(43)
    };
    for (String other : others) {
      assertFalse(Tokens.isWellFormed(other), String.valueOf(other));
    }
  }
}
