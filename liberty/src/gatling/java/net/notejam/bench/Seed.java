package net.notejam.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import net.notejam.it.support.Database;
import net.notejam.it.support.SeededNotes;

/**
 * The benchmark's data: accounts signed up and pads created through the pages, as a person would,
 * then the notes inserted straight into PostgreSQL ({@link SeededNotes}, shared with
 * NoteListBenchmarkIT). Writes one line per account to {@code seed.tsv}: what the virtual users
 * need (email, password, note count, pad ids, a sample of note ids). For the wrk measurement
 * ({@link WrkBenchmark}) one more account, which the virtual users never pick, holds one pad of 10
 * 000 notes; {@code wrk-accounts.properties} names it and one of the 50-note accounts, with a pad
 * and a note of each.
 */
final class Seed {

  static final String PASSWORD = "bench-Password-2026";

  /** Accounts with a small and with a huge list: {count, notes per account, pads per account}. */
  private static final int[][] ACCOUNTS = {{20, 50, 1}, {2, 10_000, 2}};

  private static final int NOTE_SAMPLE = 300;

  /** The wrk measurement's account with one pad of this many notes. */
  static final int WRK_PAD_NOTES = 10_000;

  private Seed() {}

  /** Seeds once per benchmark run: start.sh deletes the file with the database. */
  static synchronized Path ensure() {
    Path file = Settings.OUT.resolve("seed.tsv");
    Path wrk = wrkAccounts();
    if (Files.exists(file) && Files.exists(wrk)) {
      return file;
    }
    try {
      long start = System.nanoTime();
      List<String> lines = new ArrayList<>();
      int n = 0;
      Properties forWrk = new Properties();
      try (Connection db = Database.connect(Settings.DB)) {
        for (int[] kind : ACCOUNTS) {
          for (int i = 0; i < kind[0]; i++) {
            String line = account(db, "bench" + ++n + "-" + kind[1], kind[1], kind[2]);
            lines.add(line);
            if (n == 1) {
              describe(db, forWrk, "small", line);
            }
          }
        }
        describe(db, forWrk, "huge", account(db, "bench-wrk-" + WRK_PAD_NOTES, WRK_PAD_NOTES, 1));
        // As autovacuum leaves a table that has been in use for a while: statistics for the
        // planner, and the visibility map that lets a count read only the index (V6). Right after
        // a bulk insert neither is there yet, and the 10 000-note pad's count read the table.
        try (Statement s = db.createStatement()) {
          s.execute("vacuum analyze");
        }
      }
      Files.createDirectories(file.getParent());
      try (Writer out = Files.newBufferedWriter(wrk)) {
        forWrk.store(out, "Accounts of the wrk measurement (Seed.java)");
      }
      Files.write(file, lines);
      System.out.printf(
          "Seeded %d accounts for the virtual users and 1 for wrk in %.1f s%n",
          lines.size(), (System.nanoTime() - start) / 1e9);
      return file;
    } catch (IOException | SQLException | InterruptedException e) {
      throw new IllegalStateException("Seeding failed", e);
    }
  }

  /** Where the wrk measurement finds its accounts, written by {@link #ensure}. */
  static Path wrkAccounts() {
    return Settings.OUT.resolve("wrk-accounts.properties");
  }

  private static String account(Connection db, String name, int notes, int pads)
      throws IOException, InterruptedException, SQLException {
    String email = name + "@notejam.invalid";
    FormClient web = new FormClient();
    web.submit(
        "/signup/",
        "signup",
        Map.of("email", email, "password", PASSWORD, "repeatPassword", PASSWORD),
        "submit");
    web.signIn(email, PASSWORD);
    List<Long> padIds = new ArrayList<>();
    for (int p = 1; p <= pads; p++) {
      String location = web.submit("/pads/create/", "pad", Map.of("name", "Pad " + p), "save");
      String rest = location.substring(location.indexOf("/pads/") + "/pads/".length());
      padIds.add(Long.parseLong(rest.substring(0, rest.indexOf('/'))));
    }
    long ownerId = SeededNotes.ownerId(db, email);
    for (long padId : padIds) {
      SeededNotes.insert(db, ownerId, padId, notes / pads);
    }
    List<Long> sample = new ArrayList<>();
    try (PreparedStatement s =
        db.prepareStatement("select id from notes where owner_id = ? order by random() limit ?")) {
      s.setLong(1, ownerId);
      s.setInt(2, NOTE_SAMPLE);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          sample.add(rs.getLong(1));
        }
      }
    }
    return String.join("\t", email, PASSWORD, Integer.toString(notes), join(padIds), join(sample));
  }

  /**
   * Puts {@code role}.email, .password, .notes, .pad and .padName (its first pad), .note and
   * .noteName (its newest note) of the account of the seed.tsv line into {@code into}.
   */
  private static void describe(Connection db, Properties into, String role, String line)
      throws SQLException {
    String[] f = line.split("\t");
    into.setProperty(role + ".email", f[0]);
    into.setProperty(role + ".password", f[1]);
    into.setProperty(role + ".notes", f[2]);
    String pad = f[3].split(",")[0];
    into.setProperty(role + ".pad", pad);
    try (PreparedStatement s = db.prepareStatement("select name from pads where id = ?")) {
      s.setLong(1, Long.parseLong(pad));
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        into.setProperty(role + ".padName", rs.getString(1));
      }
    }
    try (PreparedStatement s =
        db.prepareStatement(
            "select n.id, n.name from notes n join users u on u.id = n.owner_id"
                + " where u.email = ? order by n.updated_at desc, n.id limit 1")) {
      s.setString(1, f[0]);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        into.setProperty(role + ".note", Long.toString(rs.getLong(1)));
        into.setProperty(role + ".noteName", rs.getString(2));
      }
    }
  }

  private static String join(List<Long> ids) {
    return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
  }
}
