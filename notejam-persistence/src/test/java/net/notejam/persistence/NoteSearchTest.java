package net.notejam.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The snippets of the embedded H2's search, which Java makes (PostgreSQL's ts_headline its own).
 */
class NoteSearchTest {

  @Test
  void everyPlaceHoldingTheWordsIsMarkedInAnyCase() {
    assertEquals(
        "Buy \u0001milk\u0002, then \u0001MILK\u0002 again",
        NoteSearch.snippet("Buy milk, then MILK again", "milk"));
  }

  @Test
  void aLongTextIsCutAroundTheFirstMatch() {
    String text = "x".repeat(500) + " milk " + "y".repeat(500);
    String snippet = NoteSearch.snippet(text, "milk");
    assertEquals("… " + "x".repeat(59) + " \u0001milk\u0002 " + "y".repeat(139) + " …", snippet);
  }

  @Test
  void aTextWithoutTheWordsShowsItsStartAndTheMarkersAreTakenOut() {
    assertEquals("plain text", NoteSearch.snippet("plain\u0001 text\u0002", "name only"));
  }
}
