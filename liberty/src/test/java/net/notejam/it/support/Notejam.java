package net.notejam.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;

/** What a signed-in person does with pads and notes, step by step through the pages. */
public final class Notejam {

  private Notejam() {}

  /** Creates a pad and returns its id (read from the pad page the form redirects to). */
  public static long createPad(Browser browser, String name) {
    Page page = browser.submit(browser.get("/pads/create/"), "pad", Map.of("name", name), "save");
    assertEquals(List.of("Pad is successfully created"), page.successes(), page.body());
    return idIn(page.path(), "/pads/");
  }

  /** Posts the new-note form; {@code padId} null means "No pad". */
  public static Page createNote(Browser browser, String name, String text, Long padId) {
    Map<String, String> values = new HashMap<>();
    values.put("name", name);
    values.put("text", text);
    values.put("pad", padId == null ? "" : padId.toString());
    return browser.submit(browser.get("/notes/create/"), "note", values, "save");
  }

  /** Creates a note and returns its id (read from the list it lands on). */
  public static long createdNote(Browser browser, String name, String text, Long padId) {
    Page page = createNote(browser, name, text, padId);
    assertEquals(List.of("Note is successfully created"), page.successes(), page.body());
    return noteId(page, name);
  }

  /** The id of the note called {@code name} in the list on {@code page}. */
  public static long noteId(Page page, String name) {
    for (Element link : page.document().select("table.notes td.note a")) {
      if (link.text().equals(name)) {
        return idIn(link.attr("href"), "/notes/");
      }
    }
    throw new AssertionError("No note " + name + " on " + page.uri() + ":\n" + page.body());
  }

  /** The note names of a list page, top to bottom. */
  public static List<String> noteNames(Page page) {
    return page.document().select("table.notes td.note a").eachText();
  }

  public static Page editNote(Browser browser, long noteId, Map<String, String> values) {
    Page form = browser.get("/notes/" + noteId + "/edit/");
    assertEquals(200, form.status(), form.body());
    return browser.submit(form, "note", values, "save");
  }

  /** Deletes the note after its confirmation page (to the trash); returns the page it lands on. */
  public static Page deleteNote(Browser browser, long noteId) {
    Page confirm = browser.get("/notes/" + noteId + "/delete/");
    assertEquals(200, confirm.status(), confirm.body());
    return browser.submit(confirm, "delete", Map.of(), "confirm");
  }

  /** Deletes the pad after its confirmation page (to the trash, with its notes). */
  public static Page deletePad(Browser browser, long padId) {
    Page confirm = browser.get("/pads/" + padId + "/delete/");
    assertEquals(200, confirm.status(), confirm.body());
    return browser.submit(confirm, "delete", Map.of(), "confirm");
  }

  /** The names in the "My pads" column. */
  public static List<String> padNames(Page page) {
    return page.document().select(".sidebar ul.pads a").eachText();
  }

  public static long idIn(String path, String prefix) {
    String rest = path.substring(path.indexOf(prefix) + prefix.length());
    return Long.parseLong(rest.substring(0, rest.indexOf('/')));
  }
}
