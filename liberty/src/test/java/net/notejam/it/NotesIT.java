package net.notejam.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import net.notejam.it.support.Accounts;
import net.notejam.it.support.Browser;
import net.notejam.it.support.Notejam;
import net.notejam.it.support.Page;
import org.junit.jupiter.api.Test;

/** Notejam's note cases, through the pages, for the owner and against everyone else. */
class NotesIT {

  private final String email = Accounts.newEmail();
  private final Browser owner = Accounts.signedInUser(email);

  @Test
  void noteCreatedInAPadLandsOnThePadPage() {
    long pad = Notejam.createPad(owner, "Personal");

    Page page = Notejam.createNote(owner, "Gift ideas", "A book", pad);

    assertEquals("/pads/" + pad + "/", page.path());
    assertEquals(List.of("Note is successfully created"), page.successes());
    assertEquals(List.of("Gift ideas"), Notejam.noteNames(page));
    assertEquals("Personal (1)", page.title());
  }

  @Test
  void noteCreatedWithoutPadLandsOnAllNotes() {
    Page page = Notejam.createNote(owner, "Party ideas", "Balloons", null);

    assertEquals("/", page.path());
    assertEquals(List.of("Note is successfully created"), page.successes());
    assertEquals("All notes (1)", page.title());
    assertEquals("No pad", page.document().selectFirst("table.notes td.pad").text());
  }

  @Test
  void newNoteFormPreselectsThePadOfTheListItCameFrom() {
    long pad = Notejam.createPad(owner, "Trips");

    Page padPage = owner.get("/pads/" + pad + "/");
    String newNote = padPage.document().selectFirst("a.button").attr("href");
    Page form = owner.get(newNote);

    assertEquals(
        Long.toString(pad),
        form.document().selectFirst("#note\\:pad option[selected]").attr("value"));
  }

  @Test
  void noteNotCreatedByAVisitor() {
    Browser visitor = new Browser();

    assertEquals("/signin/", visitor.get("/notes/create/").path());
  }

  @Test
  void noteNotCreatedWithMissingFields() {
    Page page = Notejam.createNote(owner, "", "", null);

    assertEquals("/notes/create/", page.path());
    assertEquals("This field is required", page.fieldError("note", "name"));
    assertEquals("This field is required", page.fieldError("note", "text"));
    assertEquals("All notes (0)", owner.get("/").title());
  }

  @Test
  void noteNotCreatedWithAnOversizedName() {
    Page page = Notejam.createNote(owner, "n".repeat(101), "text", null);

    assertEquals("Name must be at most 100 characters long", page.fieldError("note", "name"));
    assertEquals("All notes (0)", owner.get("/").title());
  }

  @Test
  void noteNotCreatedInAnotherUsersPad() {
    Browser other = Accounts.signedInUser(Accounts.newEmail());
    long othersPad = Notejam.createPad(other, "Not yours");

    Page page = Notejam.createNote(owner, "Sneaky", "text", othersPad);
    assertEquals("Choose one of your pads", page.fieldError("note", "pad"));
    assertEquals("All notes (0)", owner.get("/").title());
    assertEquals("Not yours (0)", other.get("/pads/" + othersPad + "/").title());

    Page form = owner.get("/notes/create/?pad=" + othersPad);
    assertEquals("", form.document().select("#note\\:pad option[selected]").attr("value"));
  }

  @Test
  void noteEditedByOwnerAndMovedToAnotherPad() {
    long personal = Notejam.createPad(owner, "Personal");
    long business = Notejam.createPad(owner, "Business");
    long note = Notejam.createdNote(owner, "Plan", "old text", personal);

    Page page =
        Notejam.editNote(
            owner,
            note,
            Map.of("name", "Plan B", "text", "new text", "pad", Long.toString(business)));

    assertEquals("/pads/" + business + "/", page.path());
    assertEquals(List.of("Note is successfully updated"), page.successes());
    assertEquals(List.of("Plan B"), Notejam.noteNames(page));
    assertEquals("Personal (0)", owner.get("/pads/" + personal + "/").title());
    Page view = owner.get("/notes/" + note + "/");
    assertEquals("new text", view.document().selectFirst(".note-text").text());
  }

  @Test
  void noteNotEditedWithMissingFields() {
    long note = Notejam.createdNote(owner, "Keep me", "as I am", null);

    Page page = Notejam.editNote(owner, note, Map.of("name", "", "text", ""));

    assertEquals("/notes/" + note + "/edit/", page.path());
    assertEquals("This field is required", page.fieldError("note", "name"));
    assertEquals("This field is required", page.fieldError("note", "text"));
    Page view = owner.get("/notes/" + note + "/");
    assertEquals("Keep me", view.title());
  }

  @Test
  void noteNotEditedByAnotherUser() {
    long note = Notejam.createdNote(owner, "Mine", "private", null);
    Browser other = Accounts.signedInUser(Accounts.newEmail());

    Page form = other.get("/notes/" + note + "/edit/");
    assertEquals(404, form.status());
    assertEquals("Page not found", form.title());

    // Even with a valid form of their own, posted to the owner's note.
    long othersNote = Notejam.createdNote(other, "Theirs", "text", null);
    Page ownForm = other.get("/notes/" + othersNote + "/edit/");
    Page tampered =
        other.submitTo(
            ownForm,
            "note",
            Map.of("name", "Hacked", "text", "hacked"),
            "save",
            "/notes/" + note + "/edit/");
    assertEquals(404, tampered.status());
    assertEquals("Mine", owner.get("/notes/" + note + "/").title());
  }

  @Test
  void noteNotMovedIntoAnotherUsersPad() {
    long note = Notejam.createdNote(owner, "Stay", "here", null);
    Browser other = Accounts.signedInUser(Accounts.newEmail());
    long othersPad = Notejam.createPad(other, "Theirs");

    Page page =
        Notejam.editNote(
            owner, note, Map.of("name", "Stay", "text", "here", "pad", Long.toString(othersPad)));

    assertEquals("Choose one of your pads", page.fieldError("note", "pad"));
    assertEquals("Theirs (0)", other.get("/pads/" + othersPad + "/").title());
    assertTrue(owner.get("/notes/" + note + "/").body().contains("No pad"));
  }

  @Test
  void aNoteChangedInAnotherTabIsNotOverwrittenSilently() {
    long note = Notejam.createdNote(owner, "Shared", "first", null);
    Page firstTab = owner.get("/notes/" + note + "/edit/");
    Page secondTab = owner.get("/notes/" + note + "/edit/");

    owner.submit(firstTab, "note", Map.of("text", "from the first tab"), "save");
    Page conflict = owner.submit(secondTab, "note", Map.of("text", "from the second tab"), "save");

    assertTrue(conflict.errors().get(0).startsWith("This note was changed elsewhere"));
    assertEquals("from the first tab", conflict.document().getElementById("note:text").text());
    Page view = owner.get("/notes/" + note + "/");
    assertEquals("from the first tab", view.document().selectFirst(".note-text").text());
  }

  @Test
  void noteViewedByOwnerKeepsLineBreaksAndShowsMarkupAsText() {
    long pad = Notejam.createPad(owner, "Web");
    String text = "first line\nsecond line\n<script>alert('x')</script> & <b>bold</b>";
    long note = Notejam.createdNote(owner, "<i>Markup</i> ✓ ünïcödé", text, pad);

    Page page = owner.get("/notes/" + note + "/");

    assertEquals(200, page.status());
    assertEquals("<i>Markup</i> ✓ ünïcödé", page.title());
    assertEquals(text, page.document().selectFirst(".note-text").wholeText());
    assertTrue(page.document().select(".note-text script, .note-text b").isEmpty());
    assertFalse(page.body().contains("<script>alert"), "markup is escaped");
    assertTrue(page.body().contains("&lt;script&gt;"));
    assertEquals("Web", page.document().selectFirst(".note-meta a").text());
    assertTrue(page.document().selectFirst(".note-meta").text().contains("Today at "));

    Page list = owner.get("/");
    assertEquals(List.of("<i>Markup</i> ✓ ünïcödé"), Notejam.noteNames(list));
    assertFalse(list.body().contains("<i>Markup"));
  }

  @Test
  void noteNotViewedByAnotherUser() {
    long note = Notejam.createdNote(owner, "Secret", "text", null);
    Browser other = Accounts.signedInUser(Accounts.newEmail());

    Page page = other.get("/notes/" + note + "/");

    assertEquals(404, page.status());
    assertEquals("Page not found", page.title());
    assertFalse(page.body().contains("Secret"));
  }

  @Test
  void noteDeletedByOwnerAfterConfirmation() {
    long pad = Notejam.createPad(owner, "Old");
    long note = Notejam.createdNote(owner, "Obsolete", "text", pad);

    Page confirm = owner.get("/notes/" + note + "/delete/");
    assertTrue(confirm.body().contains("Obsolete"));
    assertEquals("Old (1)", owner.get("/pads/" + pad + "/").title(), "nothing deleted by a GET");
    Page page = owner.submit(confirm, "delete", Map.of(), "confirm");

    assertEquals("/pads/" + pad + "/", page.path());
    assertEquals(List.of("Note is successfully deleted"), page.successes());
    assertEquals("Old (0)", page.title());
    assertEquals(404, owner.get("/notes/" + note + "/").status());
  }

  @Test
  void noteNotDeletedByAnotherUser() {
    long note = Notejam.createdNote(owner, "Precious", "text", null);
    Browser other = Accounts.signedInUser(Accounts.newEmail());

    assertEquals(404, other.get("/notes/" + note + "/delete/").status());
    long othersNote = Notejam.createdNote(other, "Theirs", "text", null);
    Page ownConfirm = other.get("/notes/" + othersNote + "/delete/");
    Page tampered =
        other.submitTo(ownConfirm, "delete", Map.of(), "confirm", "/notes/" + note + "/delete/");

    assertEquals(404, tampered.status());
    assertEquals(200, owner.get("/notes/" + note + "/").status());
    assertEquals(200, other.get("/notes/" + othersNote + "/").status());
  }

  @Test
  void malformedAndUnknownNoteIdsAreNotFound() {
    for (String path :
        List.of(
            "/notes/abc/",
            "/notes/-1/",
            "/notes/0/",
            "/notes/99999999999999999999999/",
            "/notes/9223372036854775807/edit/",
            "/notes/123456789012345678/delete/",
            "/pads/x/",
            "/pads/1e3/edit/")) {
      Page page = owner.get(path);
      assertEquals(404, page.status(), path);
      assertEquals("Page not found", page.title(), path);
    }
  }
}
