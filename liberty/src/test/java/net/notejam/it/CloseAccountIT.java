package net.notejam.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.notejam.it.support.Accounts;
import net.notejam.it.support.Browser;
import net.notejam.it.support.Database;
import net.notejam.it.support.Notejam;
import net.notejam.it.support.Page;
import net.notejam.it.support.SeededNotes;
import org.junit.jupiter.api.Test;

/**
 * "Close my account" on the settings page: with the right password it deletes every row of the user
 * and nobody else's, and every session of theirs stops working; with a wrong one nothing changes.
 */
class CloseAccountIT {

  private final String email = Accounts.newEmail();
  private final Browser owner = Accounts.signedInUser(email);

  @Test
  void aWrongPasswordClosesNothing() {
    long note = Notejam.createdNote(owner, "Keep me", "text", null);

    Page page = close(owner, "not my password");

    assertEquals("/settings/", page.path());
    assertEquals("Incorrect password", page.fieldError("close", "password"));
    assertEquals(200, owner.get("/notes/" + note + "/").status());
    assertEquals(email, Accounts.signIn(new Browser(), email, Accounts.PASSWORD).signedInAs());
  }

  @Test
  void closingDeletesEveryRowOfTheUserAndEndsEverySessionOfTheirs() throws Exception {
    long pad = Notejam.createPad(owner, "Mine");
    Notejam.createdNote(owner, "In pad", "text", pad);
    long trashed = Notejam.createdNote(owner, "Trashed", "text", null);
    Notejam.deleteNote(owner, trashed);
    Browser forgot = new Browser();
    forgot.submit(forgot.get("/forgot-password/"), "forgot", Map.of("email", email), "send");
    Browser elsewhere = new Browser();
    assertEquals(email, Accounts.signIn(elsewhere, email, Accounts.PASSWORD).signedInAs());
    String otherEmail = Accounts.newEmail();
    Browser other = Accounts.signedInUser(otherEmail);
    long othersPad = Notejam.createPad(other, "Theirs");
    Notejam.createdNote(other, "Their note", "text", othersPad);
    long ownerId = -1;
    List<String> sessionIds = List.of();
    if (Database.isPostgresql()) {
      try (Connection db = Database.connect()) {
        ownerId = SeededNotes.ownerId(db, email);
        assertTrue(
            count(db, "select count(*) from password_reset_tokens where user_id = ?", ownerId) > 0);
        sessionIds = sessionIdsOf(db, ownerId);
        assertTrue(sessionIds.size() >= 2, "the two sign-ins, recorded: " + sessionIds);
        assertEquals(
            sessionIds.size(),
            sessionRows(db, sessionIds, email),
            "the two signed-in sessions, kept in PostgreSQL");
      }
    }

    Page closed = close(owner, Accounts.PASSWORD);
    if (Database.isPostgresql()) {
      try (Connection db = Database.connect()) {
        assertEquals(
            0, sessionRows(db, sessionIds, email), "both sessions' rows are deleted at once");
        assertEquals(List.of(), sessionIdsOf(db, ownerId), "and their records");
      }
    }

    assertEquals("/signin/", closed.path());
    assertEquals(1, closed.successes().size(), closed.body());
    assertTrue(closed.successes().get(0).startsWith("Your account is closed"));
    assertTrue(closed.successes().get(0).contains("backups"));
    assertEquals("", closed.signedInAs());
    assertEquals("/signin/", owner.get("/").path(), "this session is signed out");
    assertEquals("/signin/", elsewhere.get("/").path(), "and so is every other");
    assertEquals("", Accounts.signIn(new Browser(), email, Accounts.PASSWORD).signedInAs());
    assertEquals("Theirs (1)", other.get("/pads/" + othersPad + "/").title(), "nobody else's");

    if (Database.isPostgresql()) {
      try (Connection db = Database.connect()) {
        for (String table :
            List.of(
                "notes where owner_id",
                "pads where owner_id",
                "password_reset_tokens where user_id",
                "users where id")) {
          assertEquals(0, count(db, "select count(*) from " + table + " = ?", ownerId), table);
        }
        long otherId = SeededNotes.ownerId(db, otherEmail);
        assertEquals(1, count(db, "select count(*) from notes where owner_id = ?", otherId));
        assertEquals(1, count(db, "select count(*) from pads where owner_id = ?", otherId));
      }
    }
    Browser again = new Browser();
    Accounts.signUp(again, email, Accounts.PASSWORD, Accounts.PASSWORD);
    assertEquals(
        "All notes (0)",
        Accounts.signIn(again, email, Accounts.PASSWORD).title(),
        "the address can sign up afresh, with nothing of before");
  }

  private static Page close(Browser browser, String password) {
    return browser.submit(
        browser.get("/settings/"), "close", Map.of("password", password), "close");
  }

  /** The sessions the user {@code userId} signed in with (V8's records). */
  private static List<String> sessionIdsOf(Connection db, long userId) throws SQLException {
    try (PreparedStatement s =
        db.prepareStatement("select session_id from signed_in_sessions where user_id = ?")) {
      s.setLong(1, userId);
      List<String> ids = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getString(1));
        }
      }
      return ids;
    }
  }

  /**
   * The rows of Liberty's session table of the sessions {@code ids} that still hold {@code email}
   * (the signed-in user, an attribute of the serialized session). The closing session's id may come
   * back at once for a fresh, anonymous session that carries the "account closed" message to the
   * sign-in page: that one holds nothing of the user.
   */
  private static long sessionRows(Connection db, List<String> ids, String email)
      throws SQLException {
    try (PreparedStatement s =
        db.prepareStatement(
            "select count(distinct id) from sessions where id = any (?) and position(convert_to(?,"
                + " 'UTF8') in coalesce(small, '') || coalesce(medium, '') || coalesce(large, ''))"
                + " > 0")) {
      s.setArray(1, db.createArrayOf("varchar", ids.toArray()));
      s.setString(2, email);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static long count(Connection db, String sql, long id) throws SQLException {
    try (PreparedStatement s = db.prepareStatement(sql)) {
      s.setLong(1, id);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
