package net.notejam.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * The migrations apply to the embedded default database (H2 in PostgreSQL mode) as they do to
 * PostgreSQL, which the integration tests in CI run them on.
 */
class MigrationsOnEmbeddedDatabaseTest {

  private static final String URL =
      "jdbc:h2:mem:migrations;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";

  @Test
  void migrationsCreateTheSchemaWithItsConstraintsAndIndexes() throws SQLException {
    Flyway.configure()
        .dataSource(URL, "sa", "")
        .locations("classpath:db/migration", "classpath:db/vendor/h2")
        .load()
        .migrate();

    try (Connection c = DriverManager.getConnection(URL, "sa", "");
        Statement s = c.createStatement()) {
      s.execute(
          "insert into users (id, email, password_hash, created_at) "
              + "values (1, 'a@example.com', 'x', current_timestamp)");
      SQLException duplicate =
          assertThrows(
              SQLException.class,
              () ->
                  s.execute(
                      "insert into users (id, email, password_hash, created_at) "
                          + "values (2, 'a@example.com', 'x', current_timestamp)"));
      assertEquals("23505", duplicate.getSQLState(), "unique violation");

      Set<String> indexes = new HashSet<>();
      try (ResultSet rs = s.executeQuery("select index_name from information_schema.indexes")) {
        while (rs.next()) {
          indexes.add(rs.getString(1));
        }
      }
      assertTrue(indexes.contains("notes_owner_updated_idx"), indexes.toString());
      assertTrue(indexes.contains("notes_pad_updated_idx"), indexes.toString());
      assertTrue(indexes.contains("pads_owner_name_idx"), indexes.toString());

      try (ResultSet rs = s.executeQuery("select nextval('note_ids')")) {
        rs.next();
        assertEquals(50, rs.getLong(1), "the first block of note ids ends at 50");
      }

      // The throttle's upsert, as ThrottleBuckets writes it: a second insert of a key is a no-op.
      String upsert =
          "insert into throttle_buckets (bucket_key, failures, window_start, lockouts,"
              + " last_failure) values ('k', 0, current_timestamp, 0, current_timestamp)"
              + " on conflict do nothing";
      assertEquals(1, s.executeUpdate(upsert));
      assertEquals(0, s.executeUpdate(upsert));
      try (ResultSet rs = s.executeQuery("select credentials_version from users where id = 1")) {
        rs.next();
        assertEquals(0, rs.getLong(1), "existing users start at credentials version 0");
      }

      // The trash: existing notes are not in it.
      s.execute(
          "insert into notes (id, owner_id, name, text, created_at, updated_at) "
              + "values (1, 1, 'n', 't', current_timestamp, current_timestamp)");
      try (ResultSet rs = s.executeQuery("select deleted_at from notes")) {
        rs.next();
        assertEquals(null, rs.getObject(1));
      }
      assertTrue(indexes(s).contains("notes_deleted_idx"));
      assertTrue(indexes(s).contains("pads_deleted_idx"));

      // Search: H2's V5 adds nothing (no tsvector there), but keeps it at PostgreSQL's versions.
      try (ResultSet rs =
          s.executeQuery(
              "select count(*) from \"flyway_schema_history\" where success and version = '5'")) {
        rs.next();
        assertEquals(1, rs.getLong(1), "V5 applied");
      }
      // The note counts read from the index alone (V6).
      assertTrue(indexes(s).contains("notes_owner_count_idx"));
      // A pad's count with its owner (V7, in place of V6's index without it).
      assertTrue(indexes(s).contains("notes_pad_owner_count_idx"));
      assertFalse(indexes(s).contains("notes_pad_count_idx"));
      // Sign-ins and kept messages in tables of their own (V9); a sign-in goes with its user.
      assertTrue(indexes(s).contains("sign_ins_user_idx"));
      assertTrue(indexes(s).contains("kept_notices_age_idx"));
      s.executeUpdate(
          "insert into users (id, email, password_hash, created_at, credentials_version)"
              + " values (900001, 'gone@example.com', 'x', current_timestamp, 0)");
      s.executeUpdate(
          "insert into sign_ins values ('"
              + "a".repeat(64)
              + "', 900001, 0, '"
              + "b".repeat(43)
              + "', current_timestamp, current_timestamp)");
      s.executeUpdate("delete from users where id = 900001");
      try (ResultSet rs = s.executeQuery("select count(*) from sign_ins")) {
        rs.next();
        assertEquals(0, rs.getLong(1), "deleted with its user");
      }
      // The content version's column (V10); PostgreSQL's triggers count it, H2 has none.
      try (ResultSet rs = s.executeQuery("select content_version from users where id = 1")) {
        rs.next();
        assertEquals(0, rs.getLong(1));
      }
    }
  }

  @Test
  void aJobRowLockedByOneTransactionIsSkippedByAnother() throws SQLException {
    String url = "jdbc:h2:mem:jobs;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";
    Flyway.configure()
        .dataSource(url, "sa", "")
        .locations("classpath:db/migration", "classpath:db/vendor/h2")
        .load()
        .migrate();
    // JobRuns.claim's lock, as the purge job takes it on two instances at once.
    String lock = "select job from job_runs where job = 'trash-purge' for update skip locked";
    try (Connection first = DriverManager.getConnection(url, "sa", "");
        Connection second = DriverManager.getConnection(url, "sa", "")) {
      first.setAutoCommit(false);
      second.setAutoCommit(false);
      try (Statement a = first.createStatement();
          Statement b = second.createStatement()) {
        try (ResultSet rs = a.executeQuery(lock)) {
          assertTrue(rs.next(), "the migration made the job's row, and it was free");
        }
        try (ResultSet rs = b.executeQuery(lock)) {
          assertFalse(rs.next(), "locked by the first: skipped, not waited for");
        }
        first.commit();
        try (ResultSet rs = b.executeQuery(lock)) {
          assertTrue(rs.next(), "free again");
        }
        second.commit();
      }
    }
  }

  private static Set<String> indexes(Statement s) throws SQLException {
    Set<String> indexes = new HashSet<>();
    try (ResultSet rs = s.executeQuery("select index_name from information_schema.indexes")) {
      while (rs.next()) {
        indexes.add(rs.getString(1));
      }
    }
    return indexes;
  }
}
