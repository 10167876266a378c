package net.notejam.it.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;

/**
 * Notes put straight into PostgreSQL, many at once, for the benchmarks (NoteListBenchmarkIT and the
 * Gatling load's seeding, which compiles against these test classes): one statement per pad, with
 * ids taken from the notes' sequence in blocks of 50 as the application's EclipseLink takes them,
 * so that notes created later through the pages do not collide with them.
 */
public final class SeededNotes {

  private SeededNotes() {}

  /** The id of the account signed up with {@code email}; fails when there is none. */
  public static long ownerId(Connection db, String email) throws SQLException {
    try (PreparedStatement s = db.prepareStatement("select id from users where email = ?")) {
      s.setString(1, email.toLowerCase(Locale.ROOT));
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          throw new IllegalStateException("No account " + email);
        }
        return rs.getLong(1);
      }
    }
  }

  /**
   * Inserts {@code count} notes (a multiple of 50) into the pad, named "Seeded note 0" (the newest)
   * to "Seeded note {count - 1}", a minute apart and all older than now; fails unless all were
   * inserted.
   */
  public static void insert(Connection db, long ownerId, long padId, int count)
      throws SQLException {
    if (count % 50 != 0) {
      throw new IllegalArgumentException(count + " is not a multiple of 50");
    }
    try (PreparedStatement s =
        db.prepareStatement(
            "insert into notes (id, owner_id, pad_id, name, text, created_at, updated_at)"
                + " select b.v - 49 + g.i, ?, ?, 'Seeded note ' || (b.n * 50 + g.i),"
                + " 'Seeded text ' || repeat('lorem ipsum ', 20),"
                + " now() - (b.n * 50 + g.i + 1) * interval '1 minute',"
                + " now() - (b.n * 50 + g.i + 1) * interval '1 minute'"
                + " from (select nextval('note_ids') as v, row_number() over () - 1 as n"
                + " from generate_series(1, ?)) b cross join generate_series(0, 49) g(i)")) {
      s.setLong(1, ownerId);
      s.setLong(2, padId);
      s.setInt(3, count / 50);
      int inserted = s.executeUpdate();
      if (inserted != count) {
        throw new IllegalStateException("inserted " + inserted + " notes, not " + count);
      }
    }
  }
}
