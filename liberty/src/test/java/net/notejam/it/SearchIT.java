package net.notejam.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.notejam.it.drill.Drills;
import net.notejam.it.support.Accounts;
import net.notejam.it.support.Browser;
import net.notejam.it.support.Database;
import net.notejam.it.support.Notejam;
import net.notejam.it.support.Page;
import net.notejam.it.support.SeededNotes;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The search, through the pages: the box on every signed-in page, the user's own notes that match
 * by name or text (never another user's, never the trash's), the matched words highlighted in an
 * escaped snippet, paged like the lists; on PostgreSQL words in any form, best match first.
 */
class SearchIT {

  private final String email = Accounts.newEmail();
  private final Browser owner = Accounts.signedInUser(email);

  @Test
  void theSearchBoxIsOnEverySignedInPageAndOnlyThere() {
    long note = Notejam.createdNote(owner, "Anything", "text", null);
    for (String path : List.of("/", "/notes/" + note + "/", "/trash/", "/settings/")) {
      Element form = owner.get(path).document().selectFirst(".sidebar form.search");
      assertNotNull(form, path);
      assertEquals("/search/", form.attr("action"), path);
      assertEquals("get", form.attr("method"), path);
      assertNotNull(form.selectFirst("input[name=q]"), path);
    }
    Browser visitor = new Browser();
    assertNull(visitor.get("/signin/").document().selectFirst("form.search"));
    assertEquals("/signin/", visitor.get("/search/?q=milk").path());
  }

  @Test
  void findsMyNotesByNameOrTextInAnyCaseAndShowsTheirPad() {
    long pad = Notejam.createPad(owner, "Errands");
    Notejam.createdNote(owner, "Groceries", "buy milk and bread", pad);
    Notejam.createdNote(owner, "Milk recipes", "pancakes", null);
    Notejam.createdNote(owner, "Unrelated", "nothing to see", null);

    Page results = search(owner, "MILK");

    assertEquals(200, results.status());
    assertEquals("Search (2)", results.title());
    assertEquals(Set.of("Groceries", "Milk recipes"), new HashSet<>(Notejam.noteNames(results)));
    assertEquals("MILK", results.document().selectFirst("form.search input[name=q]").val());
    assertEquals("Errands", row(results, "Groceries").selectFirst("td.pad").text());
    assertEquals(
        "/pads/" + pad + "/", row(results, "Groceries").selectFirst("td.pad a").attr("href"));
    assertEquals("No pad", row(results, "Milk recipes").selectFirst("td.pad").text());
    assertTrue(
        row(results, "Groceries").selectFirst("td.note a").attr("href").startsWith("/notes/"));
    assertEquals("Search (0)", search(owner, "zebra").title());
    assertTrue(search(owner, "zebra").body().contains("0 notes match “zebra”"));
  }

  @Test
  void anotherUsersNotesAreNeverFound() {
    Notejam.createdNote(owner, "Mine", "shared word aubergine", null);
    Browser other = Accounts.signedInUser(Accounts.newEmail());
    Notejam.createdNote(other, "Theirs", "aubergine secret", null);

    Page mine = search(owner, "aubergine");
    assertEquals(List.of("Mine"), Notejam.noteNames(mine));
    assertFalse(mine.body().contains("secret"));
    assertEquals(List.of("Theirs"), Notejam.noteNames(search(other, "aubergine")));
  }

  @Test
  void notesInTheTrashNeverMatch() {
    long pad = Notejam.createPad(owner, "Binned pad");
    long note = Notejam.createdNote(owner, "Binned note", "parsnip", null);
    Notejam.createdNote(owner, "With its pad", "parsnip", pad);
    Notejam.createdNote(owner, "Kept", "parsnip", null);
    Notejam.deleteNote(owner, note);
    Notejam.deletePad(owner, pad);

    assertEquals(List.of("Kept"), Notejam.noteNames(search(owner, "parsnip")));
  }

  @Test
  void matchedWordsAreHighlightedAndMarkupInNotesStaysText() {
    Notejam.createdNote(
        owner, "Markup", "fresh milk <b>bold</b> & <script>alert('x')</script> end", null);

    Page results = search(owner, "milk");

    Element snippet = row(results, "Markup").selectFirst("p.snippet");
    assertEquals(List.of("milk"), snippet.select("mark").eachText(), snippet.html());
    assertTrue(snippet.select("b, script").isEmpty(), snippet.html());
    assertTrue(snippet.text().contains("<b>bold</b>"), snippet.text());
    assertTrue(snippet.text().contains("<script>alert('x')"), snippet.text());
    assertFalse(results.body().contains("<script>alert"), "never written as markup");
    assertFalse(results.body().contains("<b>bold"), "never written as markup");
  }

  @Test
  void anEmptyOrOverlongSearchGetsAClearMessage() {
    for (String path : List.of("/search/", "/search/?q=", "/search/?q=+++")) {
      Page page = owner.get(path);
      assertEquals(200, page.status(), path);
      assertEquals("Search", page.title(), path);
      assertEquals(List.of("Type a word to search your notes for"), page.errors(), path);
    }
    Page overlong = search(owner, "w".repeat(201));
    assertEquals(List.of("Search for at most 200 characters"), overlong.errors());
    assertTrue(overlong.document().select("table.search-results").isEmpty());
    assertEquals("Search (0)", search(owner, "w".repeat(200)).title(), "200 is fine");
  }

  @Test
  void wordsMatchInAnyFormOnPostgresql() {
    Drills.requirePostgresql(
        "SearchIT's word forms", "word forms are PostgreSQL's full-text search; skipped on H2");
    Notejam.createdNote(owner, "Running shoes", "she ran; he runs every morning", null);
    Notejam.createdNote(owner, "Libraries", "the library opens at nine", null);

    assertEquals(List.of("Running shoes"), Notejam.noteNames(search(owner, "run")));
    assertEquals(List.of("Running shoes"), Notejam.noteNames(search(owner, "SHOE")));
    assertEquals(List.of("Libraries"), Notejam.noteNames(search(owner, "library")));
    Element snippet = row(search(owner, "runs"), "Running shoes").selectFirst("p.snippet");
    assertEquals(List.of("runs"), snippet.select("mark").eachText(), snippet.html());
  }

  @Test
  void aNoteNamedAfterTheWordsRanksFirstOnPostgresql() {
    Drills.requirePostgresql(
        "SearchIT's ranking", "ranking is PostgreSQL's full-text search; skipped on H2");
    Notejam.createdNote(owner, "Tomatoes", "grow them in the sun", null);
    Notejam.createdNote(owner, "Garden", "plant the tomatoes after the beans", null);
    Notejam.createdNote(owner, "Salad", "a tomato, cucumbers", null);

    List<String> names = Notejam.noteNames(search(owner, "tomato"));

    assertEquals(3, names.size(), names.toString());
    assertEquals("Tomatoes", names.get(0), "the name weighs more than the text, newer or not");
  }

  @Test
  void manyResultsArePagedLikeTheLists() throws Exception {
    Drills.requirePostgresql(
        "SearchIT's paging", "the test seeds 100 notes straight into PostgreSQL; skipped on H2");
    long pad = Notejam.createPad(owner, "Seeded");
    try (Connection db = Database.connect()) {
      SeededNotes.insert(db, SeededNotes.ownerId(db, email), pad, 100);
    }

    Page first = search(owner, "lorem");
    assertEquals("Search (100)", first.title());
    assertEquals("Page 1 of 2", first.document().selectFirst(".page-number").text());
    List<String> page1 = Notejam.noteNames(first);
    assertEquals(50, page1.size());
    Element next = first.document().selectFirst(".pagination a[rel=next]");
    assertEquals("/search/?q=lorem&page=2", next.attr("href"));
    Page second = owner.get(next.attr("href"));
    List<String> page2 = Notejam.noteNames(second);
    assertEquals(50, page2.size());
    Set<String> all = new HashSet<>(page1);
    all.addAll(page2);
    assertEquals(100, all.size(), "no note on both pages");
    assertEquals(
        "Page 2 of 2",
        owner.get("/search/?q=lorem&page=99").document().selectFirst(".page-number").text(),
        "a page past the last is the last");
  }

  private static Page search(Browser browser, String words) {
    return browser.get("/search/?q=" + URLEncoder.encode(words, StandardCharsets.UTF_8));
  }

  /** The result row of the note called {@code name}. */
  private static Element row(Page results, String name) {
    for (Element link : results.document().select("table.search-results td.note a")) {
      if (link.text().equals(name)) {
        return link.closest("tr");
      }
    }
    throw new AssertionError("No result " + name + " on " + results.uri() + ":\n" + results.body());
  }
}
