package net.notejam.it.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** The test server's PostgreSQL database, when it runs on one (DB_KIND=postgresql and DB_*). */
public final class Database {

  private Database() {}

  /** True when the test server keeps its data in PostgreSQL (else in its embedded H2). */
  public static boolean isPostgresql() {
    return "postgresql".equals(System.getenv("DB_KIND"));
  }

  /** A connection to the test server's database (DB_NAME), as the application's role. */
  public static Connection connect() throws SQLException {
    return connect(env("DB_NAME", "notejam"));
  }

  /**
   * A connection to {@code database} as the application's role, from DB_HOST, DB_PORT, DB_USER and
   * DB_PASSWORD (defaults: the local PostgreSQL and the role .ci/run makes).
   */
  public static Connection connect(String database) throws SQLException {
    String server = env("DB_HOST", "127.0.0.1") + ":" + env("DB_PORT", "5432");
    return DriverManager.getConnection(
        "jdbc:postgresql://" + server + "/" + database,
        env("DB_USER", "notejam"),
        env("DB_PASSWORD", "notejam-ci"));
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isEmpty() ? fallback : value;
  }

  /** The application's tables in PostgreSQL's schema public, by name, but those {@code except}. */
  public static List<String> tables(Connection c, String... except) throws SQLException {
    List<String> names = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "select tablename from pg_tables where schemaname = 'public' order by tablename")) {
      while (r.next()) {
        if (!List.of(except).contains(r.getString(1))) {
          names.add(r.getString(1));
        }
      }
    }
    return names;
  }
}
