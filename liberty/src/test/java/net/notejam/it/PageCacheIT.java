package net.notejam.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import net.notejam.it.support.Accounts;
import net.notejam.it.support.Browser;
import net.notejam.it.support.Database;
import net.notejam.it.support.Metrics;
import net.notejam.it.support.Notejam;
import net.notejam.it.support.Page;
import org.junit.jupiter.api.Test;

/**
 * The signed-in pages that only show are kept for their sign-in and served again (PageCache) until
 * the user's pads or notes change: the change shows at once, whoever made it (another sign-in,
 * another instance, the release before this one, a hand-made fix in the database); a kept page is
 * never another user's or another sign-in's, and a message after a redirect still shows.
 */
class PageCacheIT {

  private final String email = Accounts.newEmail();
  private final Browser user = Accounts.signedInUser(email);

  @Test
  void aPageAskedAgainIsServedFromTheCacheUntilANoteChanges() {
    long pad = Notejam.createPad(user, "Kept");
    long note = Notejam.createdNote(user, "First", "one", pad);
    List<String> pages = List.of("/", "/pads/" + pad + "/", "/notes/" + note + "/", "/trash/");
    for (String path : pages) {
      user.get(path); // made, and kept
    }

    Metrics before = Metrics.scrape();
    for (String path : pages) {
      Page again = user.get(path);
      assertEquals(200, again.status(), path);
      assertEquals(email, again.signedInAs(), path);
    }
    Metrics after = Metrics.scrape();
    assertEquals(
        Database.isPostgresql() ? pages.size() : 0,
        hits(after) - hits(before),
        "each page asked again came from the cache (none kept on the embedded H2)");

    Notejam.editNote(user, note, Map.of("name", "Renamed"));
    assertEquals(List.of("Renamed"), Notejam.noteNames(user.get("/")), "the list shows the edit");
    assertEquals(List.of("Renamed"), Notejam.noteNames(user.get("/pads/" + pad + "/")));
    assertTrue(user.get("/notes/" + note + "/").body().contains("Renamed"), "the note too");

    Notejam.deleteNote(user, note);
    assertEquals(List.of(), Notejam.noteNames(user.get("/")), "gone from the list");
    assertTrue(user.get("/trash/").body().contains("Renamed"), "in the trash");
    assertEquals(404, user.get("/notes/" + note + "/").status(), "its page is gone");
  }

  @Test
  void aChangeMadeInAnotherSignInShowsAtOnce() {
    Browser other = new Browser();
    Accounts.signIn(other, email, Accounts.PASSWORD);
    long note = Notejam.createdNote(user, "Shared", "text", null);
    assertEquals(List.of("Shared"), Notejam.noteNames(other.get("/")));
    assertEquals(List.of("Shared"), Notejam.noteNames(other.get("/")), "kept");

    Notejam.editNote(user, note, Map.of("name", "Edited elsewhere"));

    assertEquals(List.of("Edited elsewhere"), Notejam.noteNames(other.get("/")));
  }

  @Test
  void aChangeWrittenStraightToTheDatabaseShowsAtOnce() throws Exception {
    assumeTrue(Database.isPostgresql(), "the embedded H2 is the server's own");
    long note = Notejam.createdNote(user, "Before", "text", null);
    assertEquals(List.of("Before"), Notejam.noteNames(user.get("/")));
    assertEquals(List.of("Before"), Notejam.noteNames(user.get("/")), "kept");

    // As another instance, one of the release before, or an operator's fix would write it.
    try (Connection c = Database.connect();
        PreparedStatement s = c.prepareStatement("update notes set name = ? where id = ?")) {
      s.setString(1, "After");
      s.setLong(2, note);
      assertEquals(1, s.executeUpdate());
    }

    assertEquals(List.of("After"), Notejam.noteNames(user.get("/")));
    assertTrue(user.get("/notes/" + note + "/").body().contains("After"));
  }

  @Test
  void aKeptPageIsNeverAnotherUsersNorShownAfterSigningOut() {
    long note = Notejam.createdNote(user, "Mine alone", "secret text", null);
    String notePage = "/notes/" + note + "/";
    assertEquals(200, user.get(notePage).status());
    assertEquals(200, user.get(notePage).status(), "kept");
    user.get("/");

    String otherEmail = Accounts.newEmail();
    Browser other = Accounts.signedInUser(otherEmail);
    Page theirs = other.get(notePage);
    assertEquals(404, theirs.status(), "someone else's note");
    assertFalse(theirs.body().contains("secret text"));
    Page theirList = other.get("/");
    assertEquals(otherEmail, theirList.signedInAs());
    assertEquals(List.of(), Notejam.noteNames(theirList));

    user.get("/signout/");
    assertEquals("/signin/", user.get(notePage).path(), "signed out: no kept page");
  }

  @Test
  void theMessageAfterARedirectStillShowsOnAKeptPage() {
    long pad = Notejam.createPad(user, "Messages");
    user.get("/pads/" + pad + "/");
    user.get("/pads/" + pad + "/"); // kept

    Page created = Notejam.createNote(user, "With a message", "text", pad);

    assertEquals(List.of("Note is successfully created"), created.successes(), created.body());
    assertEquals(List.of("With a message"), Notejam.noteNames(created));
    assertEquals(List.of(), user.get(created.path()).successes(), "shown once");
  }

  @Test
  void theDatabaseCountsEveryWriteOfAUsersPadsAndNotesAndNoOneElses() throws Exception {
    assumeTrue(Database.isPostgresql(), "H2 has no such triggers");
    long pad = Notejam.createPad(user, "Counted");
    long note = Notejam.createdNote(user, "Counted", "text", pad);
    Browser other = Accounts.signedInUser(Accounts.newEmail());
    Notejam.createPad(other, "Theirs");
    try (Connection c = Database.connect()) {
      long mine = contentVersion(c, email);
      String theirs = other.get("/").signedInAs();
      long others = contentVersion(c, theirs);
      List<String> writes =
          List.of(
              "update notes set text = 'changed' where id = " + note,
              "update pads set name = 'Renamed' where id = " + pad,
              "insert into notes (id, owner_id, pad_id, name, text, created_at, updated_at)"
                  + " select nextval('note_ids'), owner_id, id, 'n', 't', now(), now()"
                  + " from pads where id = "
                  + pad,
              "delete from notes where pad_id = " + pad + " and id <> " + note,
              "update notes set pad_id = null where id = " + note,
              "delete from pads where id = " + pad,
              "insert into pads (id, owner_id, name, created_at, updated_at)"
                  + " select nextval('pad_ids'), owner_id, 'p', now(), now()"
                  + " from notes where id = "
                  + note);
      for (String write : writes) {
        try (PreparedStatement s = c.prepareStatement(write)) {
          s.executeUpdate();
        }
        long now = contentVersion(c, email);
        assertEquals(mine + 1, now, "one more, once per statement: " + write);
        mine = now;
      }
      assertEquals(others, contentVersion(c, theirs), "another user's is unchanged");
    }
  }

  private static long contentVersion(Connection c, String email) throws Exception {
    try (PreparedStatement s =
        c.prepareStatement("select content_version from users where email = ?")) {
      s.setString(1, email);
      try (var rs = s.executeQuery()) {
        assertTrue(rs.next(), email);
        return rs.getLong(1);
      }
    }
  }

  private static double hits(Metrics metrics) {
    return metrics.value("notejam_page_cache_total", "outcome=\"hit\"");
  }
}
