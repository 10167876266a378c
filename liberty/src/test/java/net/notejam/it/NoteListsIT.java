package net.notejam.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import net.notejam.it.support.Accounts;
import net.notejam.it.support.Browser;
import net.notejam.it.support.Notejam;
import net.notejam.it.support.Page;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** Sorting and paging of both note lists: all notes, and a pad's notes. */
class NoteListsIT {

  private final Browser owner = Accounts.signedInUser(Accounts.newEmail());

  @Test
  void bothListsSortInAllFourOrdersByClickingTheArrows() throws InterruptedException {
    long pad = Notejam.createPad(owner, "Sorted");
    // Created in this order, so "updated_at" order is banana, Apple, cherry.
    for (String name : List.of("banana", "Apple", "cherry")) {
      Notejam.createdNote(owner, name, "text", pad);
      Thread.sleep(5); // distinct timestamps
    }

    for (String list : List.of("/", "/pads/" + pad + "/")) {
      Page page = owner.get(list);
      assertEquals(List.of("cherry", "Apple", "banana"), Notejam.noteNames(page), "default");
      assertEquals("↓", activeArrows(page), "newest first is marked by default");

      assertEquals(List.of("Apple", "banana", "cherry"), names(click(page, "name")));
      assertEquals(List.of("cherry", "banana", "Apple"), names(click(page, "-name")));
      assertEquals(List.of("banana", "Apple", "cherry"), names(click(page, "updated_at")));
      assertEquals(List.of("cherry", "Apple", "banana"), names(click(page, "-updated_at")));

      Page byName = click(page, "name");
      Element active = byName.document().selectFirst("a.sort.active");
      assertTrue(active.attr("href").endsWith("?order=name"), active.outerHtml());
    }
  }

  @Test
  void anUnknownOrderFallsBackToNewestFirst() {
    Notejam.createdNote(owner, "one", "text", null);

    Page page = owner.get("/?order=%3Bdrop%20table%20notes");

    assertEquals(200, page.status());
    assertEquals(List.of("one"), Notejam.noteNames(page));
  }

  @Test
  void listsArePagedByFiftyKeepingTheOrder() {
    long pad = Notejam.createPad(owner, "Many");
    List<String> created = new ArrayList<>();
    for (int i = 1; i <= 51; i++) {
      String name = String.format("note %02d", i);
      Notejam.createNote(owner, name, "text", pad);
      created.add(name);
    }

    for (String list : List.of("/", "/pads/" + pad + "/")) {
      Page first = owner.get(list + "?order=name");
      assertEquals(created.subList(0, 50), Notejam.noteNames(first));
      assertEquals("Page 1 of 2", first.document().selectFirst(".page-number").text());
      assertNull(first.document().selectFirst(".pagination a[rel=prev]"));
      String next = first.document().selectFirst(".pagination a[rel=next]").attr("href");
      assertEquals(list + "?order=name&page=2", next);

      Page second = owner.get(next);
      assertEquals(List.of("note 51"), Notejam.noteNames(second));
      assertNull(second.document().selectFirst(".pagination a[rel=next]"));
      assertEquals(
          list + "?order=name&page=1",
          second.document().selectFirst(".pagination a[rel=prev]").attr("href"));

      assertEquals(
          List.of("note 51"),
          Notejam.noteNames(owner.get(list + "?order=name&page=3")),
          "past the end: the last page");
      for (String bad : List.of("0", "-1", "abc", "99999999999999999999")) {
        Page page = owner.get(list + "?order=name&page=" + bad);
        assertEquals(200, page.status(), bad);
        assertEquals(created.subList(0, 50), Notejam.noteNames(page), bad);
      }
    }
    assertEquals("All notes (51)", owner.get("/").title());
  }

  @Test
  void emptyListsSaySoAndOfferTheFirstNote() {
    long pad = Notejam.createPad(owner, "Empty");

    for (String list : List.of("/", "/pads/" + pad + "/")) {
      Page page = owner.get(list);
      assertTrue(page.document().select("table.notes").isEmpty());
      Element first = page.document().selectFirst("a.button");
      assertEquals("Create your first note", first.text());
    }
  }

  private Page click(Page page, String order) {
    for (Element arrow : page.document().select("a.sort")) {
      if (arrow.attr("href").endsWith("?order=" + order)) {
        return owner.get(arrow.attr("href"));
      }
    }
    throw new AssertionError("No arrow for " + order + " on " + page.uri());
  }

  private static List<String> names(Page page) {
    return Notejam.noteNames(page);
  }

  private static String activeArrows(Page page) {
    return String.join("", page.document().select("a.sort.active").eachText());
  }
}
