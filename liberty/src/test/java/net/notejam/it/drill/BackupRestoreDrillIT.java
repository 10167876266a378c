package net.notejam.it.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * Drill: a logical backup restores every note exactly. On a database of its own (so the running
 * server is not disturbed), with Notejam's schema from its migrations: seed notes (unicode, line
 * breaks, markup, with and without pads), take a backup with deploy/base/backup/notejam-backup.sh
 * (the command the Kubernetes backup job runs), write more notes, wipe the database, restore with
 * notejam-restore.sh, and compare every note field by field.
 */
class BackupRestoreDrillIT {

  private static final String DRILL_DB = "notejam_drill";
  private static final Path SCRIPTS = Path.of("..", "deploy", "base", "backup");

  @Test
  void aRestoredBackupHoldsEveryNoteUnchangedAndOnlyLaterNotesAreMissing() throws Exception {
    Drills.requirePostgresql();
    recreateDrillDatabase();
    Flyway.configure()
        .dataSource(url(DRILL_DB), user(), password())
        .locations("classpath:db/migration")
        .load()
        .migrate();
    try (Connection c = DriverManager.getConnection(url(DRILL_DB), user(), password());
        Statement s = c.createStatement()) {
      s.execute(
          "insert into users (id, email, password_hash, created_at) select 1000 + g,"
              + " 'drill-' || g || '@example.com', 'hash-' || g, now() from generate_series(1, 3) g");
      s.execute(
          "insert into pads (id, owner_id, name, created_at, updated_at) select 2000 + g,"
              + " 1000 + (g % 3) + 1, 'Pad ' || g || ' ✓', now(), now() from generate_series(1, 6) g");
      s.execute(
          "insert into notes (id, owner_id, pad_id, name, text, created_at, updated_at, version)"
              + " select 5000 + g, 1000 + (g % 3) + 1,"
              + " case when g % 4 = 0 then null else 2000 + ((g % 3) + 1) end,"
              + " 'Note ' || g || ' — ünïcödé',"
              + " E'line one\\nline two <script>alert(' || g || ')</script> & done',"
              + " now() - g * interval '1 minute', now() - g * interval '30 seconds', g % 3"
              + " from generate_series(1, 600) g");
      // As the application would have left it: ids handed out up to the last block.
      s.execute("select setval('note_ids', 5650)");
    }
    Map<String, String> env = pgEnv(DRILL_DB);
    Path dump = Path.of("target", "drills", "notejam.dump").toAbsolutePath();
    Files.createDirectories(dump.getParent());
    Files.deleteIfExists(dump);
    run(env, SCRIPTS.resolve("notejam-backup.sh").toString(), dump.toString());

    List<String> atBackup = notes();
    try (Connection c = DriverManager.getConnection(url(DRILL_DB), user(), password());
        Statement s = c.createStatement()) {
      s.execute(
          "insert into notes (id, owner_id, pad_id, name, text, created_at, updated_at)"
              + " select 9000 + g, 1001, null, 'After the backup ' || g, 'later', now(), now()"
              + " from generate_series(1, 5) g");
    }
    List<String> beforeWipe = notes();

    try (Connection c = DriverManager.getConnection(url(DRILL_DB), user(), password());
        Statement s = c.createStatement()) {
      s.execute("drop schema public cascade");
      s.execute("create schema public");
    }
    assertTrue(notesOrNone().isEmpty(), "wiped");
    run(env, SCRIPTS.resolve("notejam-restore.sh").toString(), dump.toString());
    List<String> restored = notes();

    assertEquals(600, atBackup.size());
    assertEquals(atBackup, restored, "every note at backup time, field by field");
    List<String> lost = new ArrayList<>(beforeWipe);
    lost.removeAll(restored);
    assertEquals(5, lost.size(), "only the notes written after the backup are missing");
    assertTrue(lost.stream().allMatch(n -> n.contains("After the backup")), lost.toString());
    try (Connection c = DriverManager.getConnection(url(DRILL_DB), user(), password());
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select last_value from note_ids")) {
      rs.next();
      assertEquals(5650, rs.getLong(1), "the id sequences are restored too: new notes get new ids");
    }
    System.out.printf(
        "Backup and restore drill: %d notes compared field by field (id, owner, pad, name, text,"
            + " created, updated, version): 0 differences; the %d notes written after the backup"
            + " are the only ones missing; dump of %d bytes%n",
        atBackup.size(), lost.size(), Files.size(dump));
  }

  /** Every note, one line each: id, owner, pad, name, text, created, updated, version. */
  private static List<String> notes() throws SQLException {
    List<String> rows = notesOrNone();
    assertTrue(!rows.isEmpty(), "notes present");
    return rows;
  }

  private static List<String> notesOrNone() throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url(DRILL_DB), user(), password());
        Statement s = c.createStatement()) {
      ResultSet exists = s.executeQuery("select to_regclass('public.notes') is not null");
      exists.next();
      if (!exists.getBoolean(1)) {
        return rows;
      }
      try (ResultSet rs =
          s.executeQuery(
              "select id, owner_id, pad_id, name, text, created_at, updated_at, version"
                  + " from notes order by id")) {
        while (rs.next()) {
          StringBuilder row = new StringBuilder();
          for (int i = 1; i <= 8; i++) {
            row.append(rs.getString(i)).append('|');
          }
          rows.add(row.toString());
        }
      }
    }
    return rows;
  }

  private static void recreateDrillDatabase() throws SQLException {
    try (Connection c =
            DriverManager.getConnection(url(env("DB_NAME", "notejam")), user(), password());
        Statement s = c.createStatement()) {
      s.execute("drop database if exists " + DRILL_DB);
      s.execute("create database " + DRILL_DB);
    }
  }

  private static void run(Map<String, String> env, String... command)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(env);
    Process p = builder.start();
    String output = new String(p.getInputStream().readAllBytes());
    System.out.print(output);
    assertEquals(0, p.waitFor(), String.join(" ", command) + ":\n" + output);
  }

  private static Map<String, String> pgEnv(String database) {
    return Map.of(
        "PGHOST", env("DB_HOST", "localhost"),
        "PGPORT", env("DB_PORT", "5432"),
        "PGDATABASE", database,
        "PGUSER", user(),
        "PGPASSWORD", password());
  }

  private static String url(String database) {
    return "jdbc:postgresql://"
        + env("DB_HOST", "localhost")
        + ":"
        + env("DB_PORT", "5432")
        + "/"
        + database;
  }

  private static String user() {
    return env("DB_USER", "notejam");
  }

  private static String password() {
    return env("DB_PASSWORD", "");
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isEmpty() ? fallback : value;
  }
}
