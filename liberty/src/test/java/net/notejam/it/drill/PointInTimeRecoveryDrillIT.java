package net.notejam.it.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Drill: one user's deleted notes come back from a point-in-time recovery, and nothing else
 * changes. On a PostgreSQL 15 instance of its own (the shared one on 5432 is not touched) that
 * archives every WAL segment to a local directory, as the live cluster does to S3: a base backup;
 * users A and B write notes; at T, A deletes some (a whole pad among them) and empties the trash;
 * both write more, A changes a note. A second instance, restored from the base backup and the WAL
 * archive to just before T (as deploy/recovery does with the side cluster), is the side database;
 * deploy/base/backup/notejam-recover-user.sh (the per-user recovery Job's command) then copies A's
 * pads and notes from it into the live one: exactly A's deleted notes are back, the changed note
 * comes back as a copy, A's other rows and all of B's are byte for byte as they were, and a second
 * run changes nothing.
 */
@Tag("slow-drill")
class PointInTimeRecoveryDrillIT {

  private static final Path SCRIPT =
      Path.of("..", "deploy", "base", "backup", "notejam-recover-user.sh");

  /** The live instance's port; the side instance's is the next one. */
  private static final int PORT = Integer.getInteger("notejam.it.pitr.port", 5442);

  private static final String DB = "notejam";
  private static final String ROLE = "notejam";
  private static final String A = "alice@example.com";
  private static final String B = "bob@example.com";

  @Test
  void aUsersNotesDeletedAtTComeBackFromARecoveryToJustBeforeTAndNothingElseChanges()
      throws Exception {
    Drills.require(
        PostgresqlInstance.installed(),
        "CI must run the point-in-time recovery drill: it needs PostgreSQL 15's server ("
            + PostgresqlInstance.BIN
            + ": initdb, pg_ctl, pg_basebackup), psql, and runuser as root",
        "PostgreSQL 15's server binaries are not in "
            + PostgresqlInstance.BIN
            + " (apt-get install postgresql-15): skipping the point-in-time recovery drill");
    Path dir = Files.createTempDirectory("notejam-pitr-drill-");
    Path wal = dir.resolve("wal");
    Files.createDirectories(wal);
    PostgresqlInstance.own(dir);
    PostgresqlInstance live = null;
    PostgresqlInstance side = null;
    try {
      live =
          PostgresqlInstance.init(
              dir.resolve("live"),
              PORT,
              "wal_level = replica",
              "archive_mode = on",
              "archive_command = 'test ! -f " + wal + "/%f && cp %p " + wal + "/%f'");
      live.start();
      try (Connection c = live.connect("postgres", "postgres");
          Statement s = c.createStatement()) {
        s.execute("create role " + ROLE + " login");
        s.execute("create database " + DB + " owner " + ROLE);
      }
      Flyway.configure()
          .dataSource(live.url(DB), ROLE, "")
          .locations("classpath:db/migration")
          .load()
          .migrate();

      long started = System.nanoTime();
      side = live.baseBackup(dir.resolve("side"), PORT + 1);
      long baseBackupMs = millisSince(started);

      String target;
      long a;
      long b;
      try (Connection c = live.connect(DB, ROLE)) {
        a = user(c, A);
        b = user(c, B);
        long work = pad(c, a, "Work");
        long trip = pad(c, a, "Trip");
        note(c, a, null, "Shopping list", "milk\neggs — ünïcödé ✓");
        note(c, a, work, "Meeting notes", "agenda <b>1</b> & 2\\3 \"quoted\"");
        note(c, a, null, "Ideas", "tab\there");
        note(c, a, trip, "Passport", "number 123");
        long draft = note(c, a, work, "Draft", "first draft");
        note(c, a, work, "Keep", "kept as it is");
        long old = note(c, a, null, "Old idea", "trashed long ago");
        update(c, "update notes set deleted_at = now() where id = ?", old);
        long bPad = pad(c, b, "B pad");
        note(c, b, bPad, "B one", "one");
        long bTwo = note(c, b, null, "B two", "two");
        note(c, b, null, "B three", "three");

        // T: just after this moment A trashes three notes and the pad Trip, then empties the trash.
        target = string(c, "select clock_timestamp()::text");
        update(
            c,
            "update notes set deleted_at = now(), updated_at = now() where owner_id = ?"
                + " and name in ('Shopping list', 'Meeting notes', 'Ideas')",
            a);
        update(
            c,
            "with p as (update pads set deleted_at = now() where id = ? returning deleted_at)"
                + " update notes set deleted_at = (select deleted_at from p) where pad_id = ?",
            trip,
            trip);
        update(c, "delete from notes where owner_id = ? and deleted_at is not null", a);
        update(c, "delete from pads where owner_id = ? and deleted_at is not null", a);

        note(c, a, work, "Later", "written after T");
        note(c, a, null, "Later too", "also after T");
        update(
            c,
            "update notes set text = 'second draft', updated_at = now(), version = version + 1"
                + " where id = ?",
            draft);
        note(c, b, bPad, "B four", "four");
        update(
            c, "update notes set text = 'two, edited', version = version + 1 where id = ?", bTwo);
      }
      // The last segment goes to the archive now, not at archive_timeout (a superuser's call).
      try (Connection c = live.connect("postgres", "postgres")) {
        String segment = string(c, "select pg_walfile_name(pg_switch_wal())");
        Drills.await(
            () -> Files.exists(wal.resolve(segment)),
            Duration.ofSeconds(60),
            segment + " archived");
      }

      List<String> aBefore = rows(live, a);
      List<String> bBefore = rows(live, b);
      List<String> sequences = sequences(live);

      side.configure(
          "archive_mode = off",
          "restore_command = 'cp " + wal + "/%f %p'",
          "recovery_target_time = '" + target + "'",
          "recovery_target_action = 'promote'");
      Files.createFile(side.dataDir.resolve("recovery.signal"));
      started = System.nanoTime();
      side.start();
      PostgresqlInstance recovering = side;
      Drills.await(
          () -> promoted(recovering), Duration.ofSeconds(120), "recovery:\n" + side.logTail());
      long recoveryMs = millisSince(started);

      String dryRun = recoverUser(live, side, "--dry-run", A);
      assertEquals(aBefore, rows(live, a), "a dry run changes nothing");
      assertEquals(sequences, sequences(live), "a dry run takes no id either");

      started = System.nanoTime();
      String first = recoverUser(live, side, A);
      long commandMs = millisSince(started);
      String counts =
          "pads 1 restored, 0 copied, 1 skipped; notes 4 restored, 1 copied, 1 skipped;"
              + " 1 in the trash then, left out";
      assertTrue(dryRun.contains(counts + "; dry run, nothing changed"), dryRun);
      assertTrue(first.contains(counts + "; committed"), first);

      List<String> aAfter = rows(live, a);
      assertEquals(bBefore, rows(live, b), "B's rows, byte for byte");
      assertTrue(aAfter.containsAll(aBefore), "A's rows of before, byte for byte: " + aAfter);
      String day = LocalDate.now(ZoneOffset.UTC).toString();
      assertEquals(
          new TreeSet<>(
              Set.of(
                  "pad Trip",
                  "note Shopping list in no pad: milk\neggs — ünïcödé ✓",
                  "note Meeting notes in Work: agenda <b>1</b> & 2\\3 \"quoted\"",
                  "note Ideas in no pad: tab\there",
                  "note Passport in Trip: number 123",
                  "note Draft (restored " + day + ") in Work: first draft")),
          added(live, a, aBefore),
          "exactly A's deleted notes (the pad Trip with its note), and the old draft as a copy;"
              + " not the note in the trash before T");
      List<String> all = rows(live, null);
      String second = recoverUser(live, side, A);
      assertTrue(
          second.contains(
              "pads 0 restored, 0 copied, 2 skipped; notes 0 restored, 0 copied, 6 skipped"),
          second);
      assertEquals(all, rows(live, null), "a second run changes nothing");

      long segments;
      try (Stream<Path> files = Files.list(wal)) {
        segments = files.count();
      }
      System.out.printf(
          "Point-in-time recovery drill: base backup in %d ms; %d WAL files archived; side instance"
              + " recovered to just before T (%s) in %d ms (start to promoted and accepting"
              + " connections); notejam-recover-user.sh for A in %d ms: %s; a second run restored"
              + " nothing; B's %d rows and A's %d rows of before unchanged%n",
          baseBackupMs,
          segments,
          target,
          recoveryMs,
          commandMs,
          counts,
          bBefore.size(),
          aBefore.size());
    } finally {
      if (side != null) {
        side.stopIfRunning();
      }
      if (live != null) {
        live.stopIfRunning();
      }
      deleteRecursively(dir);
    }
  }

  /** Runs notejam-recover-user.sh: the side instance as SIDE_DSN, the live one as PG*. */
  private static String recoverUser(
      PostgresqlInstance live, PostgresqlInstance side, String... arguments)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("sh", SCRIPT.toString()));
    command.addAll(List.of(arguments));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().keySet().removeIf(k -> k.startsWith("PG") || k.startsWith("SIDE_"));
    builder.environment().put("PGHOST", "127.0.0.1");
    builder.environment().put("PGPORT", Integer.toString(live.port));
    builder.environment().put("PGDATABASE", DB);
    builder.environment().put("PGUSER", ROLE);
    builder
        .environment()
        .put("SIDE_DSN", "host=127.0.0.1 port=" + side.port + " dbname=" + DB + " user=" + ROLE);
    Process p = builder.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    System.out.print(output);
    assertEquals(0, p.waitFor(), String.join(" ", command) + ":\n" + output);
    return output;
  }

  private static boolean promoted(PostgresqlInstance side) {
    try (Connection c = side.connect(DB, ROLE)) {
      return "f".equals(string(c, "select pg_is_in_recovery()"));
    } catch (SQLException e) {
      return false;
    }
  }

  /**
   * Every row of the user {@code owner} (all users when null), as PostgreSQL prints the whole row:
   * the user, its pads, its notes, by id.
   */
  private static List<String> rows(PostgresqlInstance live, Long owner) throws SQLException {
    String where = owner == null ? "" : " where owner_id = " + owner;
    List<String> rows = new ArrayList<>();
    try (Connection c = live.connect(DB, ROLE);
        Statement s = c.createStatement()) {
      for (String query :
          List.of(
              "select u::text from users u" + (owner == null ? "" : " where id = " + owner),
              "select p::text from pads p" + where,
              "select n::text from notes n" + where)) {
        try (ResultSet rs = s.executeQuery(query + " order by 1")) {
          while (rs.next()) {
            rows.add(rs.getString(1));
          }
        }
      }
    }
    return rows;
  }

  /** What A has now that was not there before: pads by name, notes by name, pad and text. */
  private static Set<String> added(PostgresqlInstance live, long owner, List<String> before)
      throws SQLException {
    Set<String> added = new TreeSet<>(Comparator.naturalOrder());
    try (Connection c = live.connect(DB, ROLE);
        PreparedStatement s =
            c.prepareStatement(
                "select 'pad ' || p.name, p::text from pads p where owner_id = ?"
                    + " union all select 'note ' || n.name || ' in ' || coalesce(p.name, 'no pad')"
                    + " || ': ' || n.text, n::text"
                    + " from notes n left join pads p on p.id = n.pad_id where n.owner_id = ?")) {
      s.setLong(1, owner);
      s.setLong(2, owner);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          if (!before.contains(rs.getString(2))) {
            added.add(rs.getString(1));
          }
        }
      }
    }
    return added;
  }

  /** The app's id sequences, where they stand. */
  private static List<String> sequences(PostgresqlInstance live) throws SQLException {
    try (Connection c = live.connect(DB, ROLE)) {
      return List.of(
          string(
              c,
              "select string_agg(sequencename || '=' || coalesce(last_value, 0), ',' order by 1)"
                  + " from pg_sequences"));
    }
  }

  /** A user signed up, with an id from user_ids as the application takes them. */
  private static long user(Connection c, String email) throws SQLException {
    return insert(
        c,
        "insert into users (id, email, password_hash, created_at)"
            + " values (nextval('user_ids'), ?, 'not a hash', now()) returning id",
        email);
  }

  private static long pad(Connection c, long owner, String name) throws SQLException {
    return insert(
        c,
        "insert into pads (id, owner_id, name, created_at, updated_at)"
            + " values (nextval('pad_ids'), ?, ?, now(), now()) returning id",
        owner,
        name);
  }

  private static long note(Connection c, long owner, Long pad, String name, String text)
      throws SQLException {
    return insert(
        c,
        "insert into notes (id, owner_id, pad_id, name, text, created_at, updated_at)"
            + " values (nextval('note_ids'), ?, ?, ?, ?, now(), now()) returning id",
        owner,
        pad,
        name,
        text);
  }

  private static long insert(Connection c, String sql, Object... values) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        s.setObject(i + 1, values[i]);
      }
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static void update(Connection c, String sql, Object... values) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        s.setObject(i + 1, values[i]);
      }
      s.executeUpdate();
    }
  }

  private static String string(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static long millisSince(long nanos) {
    return (System.nanoTime() - nanos) / 1_000_000;
  }

  private static void deleteRecursively(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(file);
      }
    }
  }
}
