package net.notejam.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Set;
import net.notejam.it.drill.Drills;
import net.notejam.it.support.Accounts;
import net.notejam.it.support.Browser;
import net.notejam.it.support.Database;
import net.notejam.it.support.Notejam;
import net.notejam.it.support.Page;
import net.notejam.it.support.SeededNotes;
import net.notejam.it.support.Zips;
import org.junit.jupiter.api.Test;

/**
 * "Download my notes" on the settings page: a zip with a Markdown file per note in a folder per
 * pad, and notes.json with every field; only the user's own notes, never the trash's.
 */
class ExportIT {

  private final String email = Accounts.newEmail();
  private final Browser owner = Accounts.signedInUser(email);

  @Test
  void theSettingsPageLinksTheDownloadWhichIsForSignedInUsersOnly() {
    Page settings = owner.get("/settings/");
    assertEquals(
        "/settings/notes.zip",
        settings.document().selectFirst("a.export-link").attr("href"),
        settings.body());
    assertEquals("Download my notes", settings.document().selectFirst("a.export-link").text());
    HttpResponse<byte[]> visitor = new Browser().download("/settings/notes.zip");
    assertEquals("/signin/", visitor.uri().getPath());
  }

  @Test
  void theZipHasAFilePerNoteInAFolderPerPadAndEveryFieldInNotesJson() throws Exception {
    Instant before = Instant.now().minusSeconds(1);
    long errands = Notejam.createPad(owner, "Errands");
    long empty = Notejam.createPad(owner, "Empty/pad");
    long groceries = Notejam.createdNote(owner, "Groceries", "milk\nbread", errands);
    long same1 = Notejam.createdNote(owner, "Same", "first", errands);
    long same2 = Notejam.createdNote(owner, "same", "second", errands);
    long odd = Notejam.createdNote(owner, "../Trip: plan?", "<b>go</b> & \"see\"", null);
    long gone = Notejam.createdNote(owner, "Gone", "trashed", null);
    Notejam.deleteNote(owner, gone);
    Browser other = Accounts.signedInUser(Accounts.newEmail());
    Notejam.createdNote(other, "Not mine", "secret", null);

    HttpResponse<byte[]> download = owner.download("/settings/notes.zip");

    assertEquals(200, download.statusCode());
    assertEquals("application/zip", download.headers().firstValue("Content-Type").orElse(""));
    assertEquals(
        "attachment; filename=\"notejam-notes.zip\"",
        download.headers().firstValue("Content-Disposition").orElse(""));
    Map<String, String> zip = Zips.entries(download.body());
    assertEquals(
        Set.of(
            "Errands/",
            "Empty_pad/",
            "Errands/Groceries.md",
            "Errands/Same.md",
            "Errands/same (2).md",
            "No pad/_Trip_ plan_.md",
            "notes.json"),
        zip.keySet());
    assertEquals("# Groceries\n\nmilk\nbread\n", zip.get("Errands/Groceries.md"));
    assertEquals("# ../Trip: plan?\n\n<b>go</b> & \"see\"\n", zip.get("No pad/_Trip_ plan_.md"));

    JsonObject json = Zips.notesJson(zip);
    assertEquals("notejam-export", json.getString("format"));
    assertEquals(1, json.getInt("version"));
    assertEquals(2, json.getJsonArray("pads").size());
    JsonObject errandsJson = byId(json, "pads", errands);
    assertEquals("Errands", errandsJson.getString("name"));
    assertEquals("Errands", errandsJson.getString("folder"));
    assertEquals("Empty/pad", byId(json, "pads", empty).getString("name"));
    assertEquals("Empty_pad", byId(json, "pads", empty).getString("folder"));
    assertEquals(4, json.getJsonArray("notes").size(), "not the trashed one, nor the other's");
    JsonObject note = byId(json, "notes", groceries);
    assertEquals("Groceries", note.getString("name"));
    assertEquals("milk\nbread", note.getString("text"));
    assertEquals(errands, note.getJsonNumber("pad_id").longValue());
    assertEquals("Errands", note.getString("pad"));
    assertEquals("Errands/Groceries.md", note.getString("file"));
    JsonObject oddJson = byId(json, "notes", odd);
    assertEquals("../Trip: plan?", oddJson.getString("name"));
    assertEquals("<b>go</b> & \"see\"", oddJson.getString("text"));
    assertTrue(oddJson.isNull("pad_id"));
    assertTrue(oddJson.isNull("pad"));
    assertEquals("No pad/_Trip_ plan_.md", oddJson.getString("file"));
    assertEquals("Errands/Same.md", byId(json, "notes", same1).getString("file"));
    assertEquals("Errands/same (2).md", byId(json, "notes", same2).getString("file"));
    for (var value : json.getJsonArray("notes")) {
      JsonObject n = value.asJsonObject();
      Instant created = Instant.parse(n.getString("created_at"));
      Instant updated = Instant.parse(n.getString("updated_at"));
      assertTrue(created.isAfter(before) && !updated.isBefore(created), n.toString());
      assertTrue(updated.isBefore(Instant.now()), n.toString());
    }
    assertFalse(zip.get("notes.json").contains("secret"));
    assertFalse(zip.get("notes.json").contains("trashed"));

    if (Database.isPostgresql()) {
      // Every field as the database holds it, to the microsecond.
      try (Connection db = Database.connect();
          PreparedStatement s =
              db.prepareStatement(
                  "select id, name, text, pad_id, created_at, updated_at from notes"
                      + " where owner_id = ? and deleted_at is null")) {
        s.setLong(1, SeededNotes.ownerId(db, email));
        try (ResultSet rs = s.executeQuery()) {
          int rows = 0;
          while (rs.next()) {
            rows++;
            JsonObject n = byId(json, "notes", rs.getLong("id"));
            assertEquals(rs.getString("name"), n.getString("name"));
            assertEquals(rs.getString("text"), n.getString("text"));
            assertEquals(
                rs.getLong("pad_id"),
                n.isNull("pad_id") ? 0 : n.getJsonNumber("pad_id").longValue());
            assertEquals(
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                Instant.parse(n.getString("created_at")));
            assertEquals(
                rs.getObject("updated_at", OffsetDateTime.class).toInstant(),
                Instant.parse(n.getString("updated_at")));
          }
          assertEquals(4, rows);
        }
      }
    }
  }

  @Test
  void everyNoteOfAUserWithManyIsExported() throws Exception {
    Drills.requirePostgresql(
        "ExportIT's many notes",
        "the test seeds 250 notes straight into PostgreSQL; skipped on H2");
    long pad = Notejam.createPad(owner, "Seeded");
    try (Connection db = Database.connect()) {
      SeededNotes.insert(db, SeededNotes.ownerId(db, email), pad, 250);
    }

    Map<String, String> zip = Zips.entries(owner.download("/settings/notes.zip").body());

    assertEquals(250, zip.keySet().stream().filter(n -> n.endsWith(".md")).count());
    assertEquals(250, Zips.notesJson(zip).getJsonArray("notes").size());
    assertEquals(
        "# Seeded note 123\n\nSeeded text " + "lorem ipsum ".repeat(20) + "\n",
        zip.get("Seeded/Seeded note 123.md"));
  }

  private static JsonObject byId(JsonObject json, String array, long id) {
    return json.getJsonArray(array).stream()
        .map(v -> v.asJsonObject())
        .filter(o -> o.getJsonNumber("id").longValue() == id)
        .findFirst()
        .orElseThrow(() -> new AssertionError("No " + array + " " + id + " in " + json));
  }
}
