package net.notejam.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import net.notejam.it.support.Accounts;
import net.notejam.it.support.Browser;
import net.notejam.it.support.Notejam;
import net.notejam.it.support.Page;
import net.notejam.it.support.Zips;
import org.junit.jupiter.api.Test;

/**
 * "Import notes" on the settings page: a download uploaded back recreates its pads and notes in a
 * fresh account, skips what is there unchanged, and a bad or oversized file changes nothing.
 */
class ImportIT {

  private final Browser owner = Accounts.signedInUser(Accounts.newEmail());

  @Test
  void exportThenImportIntoAFreshAccountGivesTheSamePadsAndNotes() throws IOException {
    long errands = Notejam.createPad(owner, "Errands");
    Notejam.createPad(owner, "Empty");
    Notejam.createdNote(owner, "Groceries", "milk\nbread", errands);
    Notejam.createdNote(owner, "Same", "first", errands);
    Notejam.createdNote(owner, "Same", "second", errands);
    Notejam.createdNote(owner, "Loose", "<b>markup</b> & \"quotes\"", null);
    byte[] export = owner.download("/settings/notes.zip").body();
    Browser fresh = Accounts.signedInUser(Accounts.newEmail());

    Page imported = upload(fresh, export);

    assertEquals("/", imported.path());
    assertEquals(List.of("Imported 2 pads and 4 notes."), imported.successes(), imported.body());
    assertEquals("All notes (4)", imported.title());
    assertEquals(Set.of("Errands", "Empty"), Set.copyOf(Notejam.padNames(imported)));
    assertEquals(contents(export), contents(fresh.download("/settings/notes.zip").body()));

    Page again = upload(fresh, export);
    assertEquals(
        List.of("Imported 0 pads and 0 notes; 4 notes were there already."), again.successes());
    assertEquals("All notes (4)", again.title());
    assertEquals(
        List.of("Imported 0 pads and 0 notes; 4 notes were there already."),
        upload(owner, export).successes(),
        "into the same account: all there");
  }

  @Test
  void aCorruptForeignOrOversizedFileChangesNothing() throws IOException {
    Notejam.createdNote(owner, "Before", "text", null);
    String notAnExport = "This is not a Notejam export: ";
    assertEquals(
        notAnExport + "it is not a readable zip file; nothing was imported",
        uploadError(owner, "not a zip at all".getBytes(StandardCharsets.UTF_8)));
    assertEquals(
        notAnExport + "it has no notes.json; nothing was imported",
        uploadError(owner, Zips.of("readme.md", "# hello")));
    assertEquals(
        notAnExport + "its notes.json is not valid JSON; nothing was imported",
        uploadError(owner, Zips.of("notes.json", "{\"format\": ")));
    assertEquals(
        notAnExport + "its notes.json is not a Notejam export of version 1; nothing was imported",
        uploadError(owner, Zips.of("notes.json", "{\"format\": \"other\", \"version\": 1}")));
    byte[] truncated = owner.download("/settings/notes.zip").body();
    assertTrue(
        uploadError(owner, Arrays.copyOf(truncated, truncated.length / 2)).startsWith(notAnExport));
    // Valid up to its last note, whose name is too long: none of it is imported.
    String times =
        "\"created_at\":\"2026-05-04T10:00:00Z\",\"updated_at\":\"2026-05-04T11:00:00Z\"";
    String json =
        "{\"format\":\"notejam-export\",\"version\":1,\"pads\":[{\"id\":7,\"name\":\"New pad\","
            + times
            + "}],\"notes\":[{\"name\":\"Fine\",\"text\":\"ok\",\"pad_id\":7,"
            + times
            + "},{\"name\":\""
            + "n".repeat(101)
            + "\",\"text\":\"too long\",\"pad_id\":null,"
            + times
            + "}]}";
    assertEquals(
        "In this file: Name must be at most 100 characters long; nothing was imported",
        uploadError(owner, Zips.of("notes.json", json)));
    assertTrue(
        uploadError(owner, Zips.of("notes.json", json.replace("2026-05-04T10:00:00Z", "yesterday")))
            .startsWith(notAnExport),
        "a time that is not one");
    assertEquals(
        "The file must be at most 20 MB; nothing was imported",
        uploadError(owner, new byte[21 * 1024 * 1024]));
    assertEquals(
        "Choose a zip file that \"Download my notes\" made", uploadError(owner, new byte[0]));

    Page home = owner.get("/");
    assertEquals("All notes (1)", home.title(), "nothing was imported");
    assertEquals(List.of(), Notejam.padNames(home));
  }

  private static Page upload(Browser browser, byte[] file) {
    return browser.submitFile(
        browser.get("/settings/"), "import", "file", "notejam-notes.zip", file, "upload");
  }

  private static String uploadError(Browser browser, byte[] file) {
    Page page = upload(browser, file);
    assertEquals("/settings/", page.path(), page.body());
    return page.fieldError("import", "file");
  }

  /** Every pad and note of an export with every field but the ids: the same in both accounts. */
  private static Set<String> contents(byte[] export) throws IOException {
    JsonObject json = Zips.notesJson(Zips.entries(export));
    Set<String> items =
        json.getJsonArray("pads").stream()
            .map(
                p ->
                    "pad "
                        + p.asJsonObject().getString("name")
                        + " | "
                        + p.asJsonObject().getString("created_at")
                        + " | "
                        + p.asJsonObject().getString("updated_at"))
            .collect(Collectors.toSet());
    for (JsonValue value : json.getJsonArray("notes")) {
      JsonObject n = value.asJsonObject();
      items.add(
          "note "
              + n.getString("name")
              + " | "
              + n.getString("text")
              + " | "
              + (n.isNull("pad") ? "-" : n.getString("pad"))
              + " | "
              + n.getString("file")
              + " | "
              + n.getString("created_at")
              + " | "
              + n.getString("updated_at"));
    }
    return items;
  }
}
