package net.notejam.it.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** The test server's PostgreSQL database, when it runs on one (DB_KIND=postgresql and DB_*). */
public final class Database {

  private Database() {}

  /** True when the test server keeps its data in PostgreSQL (else in its embedded H2). */
  public static boolean isPostgresql() {
    return "postgresql".equals(System.getenv("DB_KIND"));
  }

  /**
   * A connection as the application's role, from DB_HOST, DB_PORT, DB_NAME, DB_USER, DB_PASSWORD.
   */
  public static Connection connect() throws SQLException {
    String url =
        "jdbc:postgresql://"
            + env("DB_HOST", "localhost")
            + ":"
            + env("DB_PORT", "5432")
            + "/"
            + env("DB_NAME", "notejam");
    return DriverManager.getConnection(url, env("DB_USER", "notejam"), env("DB_PASSWORD", ""));
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isEmpty() ? fallback : value;
  }
}
