package net.notejam.infrastructure;

import java.sql.SQLException;

/** Reads the SQLSTATE a database failure carries, whatever the provider wrapped it in. */
public final class SqlStates {

  /** SQLSTATE of a unique constraint violation, in PostgreSQL and H2 alike. */
  public static final String UNIQUE_VIOLATION = "23505";

  private SqlStates() {}

  public static boolean isUniqueViolation(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }
}
