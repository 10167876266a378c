package net.notejam.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import net.notejam.it.drill.Drills;
import net.notejam.it.support.Accounts;
import net.notejam.it.support.Browser;
import net.notejam.it.support.Database;
import net.notejam.it.support.Notejam;
import net.notejam.it.support.Page;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The trash, through the pages: deleted notes and pads leave every list for the trash, come back
 * from it with their pad, are deleted for good from it by hand or by the purge job once older than
 * the retention; nobody else sees or touches someone's trash.
 */
class TrashIT {

  private final Browser owner = Accounts.signedInUser(Accounts.newEmail());

  @Test
  void aDeletedNoteIsOnlyInTheTrashUntilRestoredToItsPad() {
    long pad = Notejam.createPad(owner, "Errands");
    long note = Notejam.createdNote(owner, "Groceries", "milk", pad);
    Notejam.createdNote(owner, "Stays", "here", pad);

    Page confirm = owner.get("/notes/" + note + "/delete/");
    assertTrue(
        confirm.document().text().contains("It goes to the trash"), confirm.document().text());
    assertTrue(
        confirm.document().text().contains("restore it for 30 days"), confirm.document().text());
    Page deleted = owner.submit(confirm, "delete", Map.of(), "confirm");

    assertEquals("/pads/" + pad + "/", deleted.path(), "where it landed before the trash");
    assertEquals(List.of("Note is successfully deleted"), deleted.successes());
    assertEquals("Errands (1)", deleted.title());
    assertEquals(List.of("Stays"), Notejam.noteNames(deleted));
    assertEquals("All notes (1)", owner.get("/").title());
    assertEquals(List.of("Stays"), Notejam.noteNames(owner.get("/")));
    assertEquals(404, owner.get("/notes/" + note + "/").status());
    assertEquals(404, owner.get("/notes/" + note + "/edit/").status());
    assertEquals(404, owner.get("/notes/" + note + "/delete/").status());

    Page trash = owner.get("/trash/");
    assertEquals("Trash (1)", trash.title());
    Element row = row(trash, "note-" + note);
    assertEquals("Note: Groceries", row.selectFirst("td.item").text());
    assertEquals("Errands", row.selectFirst("td.pad").text());
    assertTrue(row.selectFirst("td.date").text().startsWith("Today at "), row.text());

    Page restored = press(trash, "note-" + note, "restore");
    assertEquals("/trash/", restored.path());
    assertEquals(List.of("Note is successfully restored"), restored.successes());
    assertEquals("Trash (0)", restored.title());
    assertTrue(restored.document().text().contains("The trash is empty."));
    Page padPage = owner.get("/pads/" + pad + "/");
    assertEquals("Errands (2)", padPage.title());
    assertEquals(
        List.of("Groceries", "Stays"), Notejam.noteNames(padPage).stream().sorted().toList());
    assertEquals(
        "milk", owner.get("/notes/" + note + "/").document().selectFirst(".note-text").text());
  }

  @Test
  void aDeletedPadGoesToTheTrashWithItsNotesAndComesBackWithExactlyThose() {
    long pad = Notejam.createPad(owner, "Holiday");
    long first = Notejam.createdNote(owner, "Flights", "book", pad);
    long second = Notejam.createdNote(owner, "Hotel", "book", pad);
    long alone = Notejam.createdNote(owner, "Visa", "apply", pad);
    Notejam.createdNote(owner, "Elsewhere", "text", null);
    Notejam.deleteNote(owner, alone);

    Page confirm = owner.get("/pads/" + pad + "/delete/");
    assertTrue(
        confirm.document().text().contains("They go to the trash"), confirm.document().text());
    Page deleted = owner.submit(confirm, "delete", Map.of(), "confirm");

    assertEquals(List.of("Pad is successfully deleted"), deleted.successes());
    assertEquals(List.of(), Notejam.padNames(deleted));
    assertEquals("All notes (1)", deleted.title());
    assertEquals(List.of("Elsewhere"), Notejam.noteNames(deleted));
    assertEquals(404, owner.get("/pads/" + pad + "/").status());
    assertEquals(404, owner.get("/notes/" + first + "/").status());
    Page form = owner.get("/notes/create/");
    assertTrue(form.document().select("#note\\:pad option[value=" + pad + "]").isEmpty());
    Page intoTrashedPad = Notejam.createNote(owner, "Sneaky", "text", pad);
    assertEquals("Choose one of your pads", intoTrashedPad.fieldError("note", "pad"));

    Page trash = owner.get("/trash/");
    assertEquals("Trash (2)", trash.title(), "the pad with its notes, and the note on its own");
    assertEquals("Pad: Holiday", row(trash, "pad-" + pad).selectFirst("td.item").text());
    assertEquals("with 2 notes", row(trash, "pad-" + pad).selectFirst("td.pad").text());
    assertEquals(
        "Holiday (in the trash)", row(trash, "note-" + alone).selectFirst("td.pad").text());

    Page restored = press(trash, "pad-" + pad, "restore");
    assertEquals(List.of("Pad is successfully restored"), restored.successes());
    assertEquals(List.of("Holiday"), Notejam.padNames(restored));
    Page padPage = owner.get("/pads/" + pad + "/");
    assertEquals("Holiday (2)", padPage.title(), "not the note trashed on its own");
    assertEquals(
        List.of("Flights", "Hotel"), Notejam.noteNames(padPage).stream().sorted().toList());
    assertEquals(200, owner.get("/notes/" + second + "/").status());
    assertEquals("All notes (3)", owner.get("/").title());
    assertEquals("Holiday", row(restored, "note-" + alone).selectFirst("td.pad").text());
  }

  @Test
  void aNoteWhosePadIsGoneIsRestoredToNoPad() {
    long pad = Notejam.createPad(owner, "Short-lived");
    long note = Notejam.createdNote(owner, "Survivor", "text", pad);
    long goesWithPad = Notejam.createdNote(owner, "Goes", "text", pad);
    Notejam.deleteNote(owner, note);
    Notejam.deletePad(owner, pad);

    Page gone = press(owner.get("/trash/"), "pad-" + pad, "delete");
    assertEquals(List.of("Pad is deleted forever"), gone.successes());
    assertEquals("Trash (1)", gone.title());
    assertEquals("No pad", row(gone, "note-" + note).selectFirst("td.pad").text());
    assertEquals(404, owner.get("/notes/" + goesWithPad + "/").status());

    Page restored = press(gone, "note-" + note, "restore");
    assertEquals(List.of("Note is successfully restored"), restored.successes());
    Page view = owner.get("/notes/" + note + "/");
    assertEquals(200, view.status());
    assertTrue(view.document().selectFirst(".note-meta").text().startsWith("No pad"), view.body());
    assertEquals("All notes (1)", owner.get("/").title());
  }

  @Test
  void aNoteRestoredWhileItsPadIsInTheTrashGoesToNoPad() {
    long pad = Notejam.createPad(owner, "Binned");
    long note = Notejam.createdNote(owner, "Early", "text", pad);
    Notejam.deleteNote(owner, note);
    Notejam.deletePad(owner, pad);

    press(owner.get("/trash/"), "note-" + note, "restore");

    assertEquals("No pad", owner.get("/").document().selectFirst("table.notes td.pad").text());
    assertEquals(List.of(), Notejam.padNames(owner.get("/")), "the pad stays in the trash");
  }

  @Test
  void anItemDeletedForeverIsGoneForGood() {
    long note = Notejam.createdNote(owner, "Ephemeral", "text", null);
    Notejam.deleteNote(owner, note);
    Page trash = owner.get("/trash/");

    Page page = press(trash, "note-" + note, "delete");

    assertEquals(List.of("Note is deleted forever"), page.successes());
    assertEquals("Trash (0)", page.title());
    assertEquals(404, owner.get("/notes/" + note + "/").status());
    press(trash, "note-" + note, "restore");
    assertEquals(
        404, owner.get("/notes/" + note + "/").status(), "an old trash page brings nothing back");
    assertEquals("Trash (0)", owner.get("/trash/").title());
  }

  @Test
  void theTrashIsLinkedFromTheSideColumnAndOnlyForSignedInUsers() {
    Page home = owner.get("/");
    assertEquals("/trash/", home.document().selectFirst(".sidebar a.trash-link").attr("href"));
    assertEquals("/signin/", new Browser().get("/trash/").path());
  }

  @Test
  void anotherUserCannotSeeRestoreOrDeleteMyTrash() {
    long pad = Notejam.createPad(owner, "Private pad");
    long note = Notejam.createdNote(owner, "Private note", "secret", null);
    Notejam.createdNote(owner, "In the pad", "secret", pad);
    Notejam.deleteNote(owner, note);
    Notejam.deletePad(owner, pad);
    Browser other = Accounts.signedInUser(Accounts.newEmail());
    long othersNote = Notejam.createdNote(other, "Theirs", "text", null);
    Notejam.deleteNote(other, othersNote);

    Page othersTrash = other.get("/trash/");
    assertEquals("Trash (1)", othersTrash.title());
    assertFalse(othersTrash.body().contains("Private"));

    for (String item : List.of("note-" + note, "pad-" + pad)) {
      for (String button : List.of("restore", "delete")) {
        Page tampered = pressAs(other, other.get("/trash/"), "note-" + othersNote, item, button);
        assertEquals(404, tampered.status(), item + " " + button);
        assertEquals("Page not found", tampered.title());
        assertFalse(tampered.body().contains("Private"));
      }
    }

    Page mine = owner.get("/trash/");
    assertEquals("Trash (2)", mine.title(), "nothing restored or deleted");
    assertEquals("with 1 note", row(mine, "pad-" + pad).selectFirst("td.pad").text());
    assertEquals("Trash (1)", other.get("/trash/").title());
    assertEquals("All notes (0)", other.get("/").title());
  }

  @Test
  void malformedOrMissingItemsAreNotFound() {
    long note = Notejam.createdNote(owner, "Target", "text", null);
    Notejam.deleteNote(owner, note);

    for (String item :
        List.of(
            "",
            "note-",
            "note-abc",
            "note--1",
            "note-99999999999999999999",
            "note-123456789012345678",
            "pad-" + note,
            "user-1",
            "note-" + note + " ")) {
      Page page = pressAs(owner, owner.get("/trash/"), "note-" + note, item, "restore");
      assertEquals(404, page.status(), "'" + item + "'");
      assertEquals("Page not found", page.title(), item);
      assertFalse(page.body().contains("Exception"), page.body());
    }
    assertEquals("Trash (1)", owner.get("/trash/").title());
  }

  @Test
  void itemsOlderThanTheRetentionArePurgedByTheJob() throws Exception {
    Drills.requirePostgresql(
        "TrashIT's purge test",
        "the test backdates trashed rows through PostgreSQL (DB_KIND=postgresql); skipped on H2");
    long pad = Notejam.createPad(owner, "Old pad");
    long padNote = Notejam.createdNote(owner, "Old pad's note", "text", pad);
    long oldNote = Notejam.createdNote(owner, "Old note", "text", null);
    long youngNote = Notejam.createdNote(owner, "Young note", "text", null);
    long keptNote = Notejam.createdNote(owner, "Kept note", "text", null);
    Notejam.deletePad(owner, pad);
    Notejam.deleteNote(owner, oldNote);
    Notejam.deleteNote(owner, youngNote);
    assertEquals("Trash (3)", owner.get("/trash/").title());

    // 31 days ago, past the retention of 30; the test server's job looks every 2 s.
    try (Connection db = Database.connect()) {
      backdate(
          db, "update pads set deleted_at = deleted_at - interval '31 days' where id = ?", pad);
      backdate(
          db,
          "update notes set deleted_at = deleted_at - interval '31 days' where pad_id = ?",
          pad);
      backdate(
          db,
          "update notes set deleted_at = deleted_at - interval '31 days' where id = ?",
          oldNote);

      Drills.await(
          () -> owner.get("/trash/").title().equals("Trash (1)"),
          Duration.ofSeconds(60),
          "the purge job deletes the old items");

      Page trash = owner.get("/trash/");
      assertEquals(
          "Note: Young note", row(trash, "note-" + youngNote).selectFirst("td.item").text());
      for (long id : List.of(padNote, oldNote)) {
        assertFalse(exists(db, "select 1 from notes where id = ?", id), "note " + id);
      }
      assertFalse(exists(db, "select 1 from pads where id = ?", pad));
      assertTrue(exists(db, "select 1 from notes where id = ?", youngNote));
      assertTrue(exists(db, "select 1 from notes where id = ?", keptNote));
    }
    assertEquals(List.of("Kept note"), Notejam.noteNames(owner.get("/")));
  }

  /** The table row of the trash item {@code key} ("note-12", "pad-3"). */
  private static Element row(Page trash, String key) {
    Element field = trash.document().selectFirst("input[name=item][value=" + key + "]");
    if (field == null) {
      throw new AssertionError(
          "No trash item " + key + " on " + trash.uri() + ":\n" + trash.body());
    }
    return field.closest("tr");
  }

  /** Presses {@code button} ("restore", "delete") of the trash item {@code key}. */
  private Page press(Page trash, String key, String button) {
    return pressAs(owner, trash, key, key, button);
  }

  /**
   * Presses {@code button} of the trash item {@code key} in {@code browser}, with the form's item
   * field changed to {@code item}: what someone tampering with the form would post.
   */
  private static Page pressAs(Browser browser, Page trash, String key, String item, String button) {
    Element field = row(trash, key).selectFirst("input[name=item]");
    field.attr("value", item);
    return browser.submit(trash, field.closest("form").id(), Map.of(), button);
  }

  private static void backdate(Connection db, String sql, long id) throws SQLException {
    try (PreparedStatement update = db.prepareStatement(sql)) {
      update.setLong(1, id);
      assertTrue(update.executeUpdate() > 0, sql + " " + id);
    }
  }

  private static boolean exists(Connection db, String sql, long id) throws SQLException {
    try (PreparedStatement query = db.prepareStatement(sql)) {
      query.setLong(1, id);
      try (ResultSet rs = query.executeQuery()) {
        return rs.next();
      }
    }
  }
}
