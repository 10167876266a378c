package net.notejam.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
    if (Database.isPostgresql()) {
      try (Connection db = Database.connect()) {
        ownerId = SeededNotes.ownerId(db, email);
        assertTrue(
            count(db, "select count(*) from password_reset_tokens where user_id = ?", ownerId) > 0);
        assertEquals(
            2,
            count(db, "select count(*) from sign_ins where user_id = ?", ownerId),
            "the two sign-ins, kept in PostgreSQL");
      }
    }

    Page closed = close(owner, Accounts.PASSWORD);

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
                "sign_ins where user_id",
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
