package net.notejam.infrastructure;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;

/** Whether the database answers now; for the readiness health check. */
@Stateless
public class DatabaseStatus {

  @Resource(lookup = "jdbc/notejam")
  private DataSource dataSource;

  /**
   * True when a connection can be had and answers a query within {@code timeout} (JDBC counts it in
   * whole seconds: rounded up). A real query, not {@code Connection.isValid}: the server's
   * connection handle can call a pooled connection valid after the database went away. A failure
   * also tells the pool its connections are stale. The caller's setting governs the timeout, so
   * that raising it also gives the query longer.
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public boolean answers(Duration timeout) {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.setQueryTimeout(queryTimeoutSeconds(timeout));
      statement.execute("select 1");
      return true;
    } catch (SQLException e) {
      return false;
    }
  }

  /** {@code timeout} in the whole seconds JDBC takes, rounded up; at least 1 (0 means none). */
  static int queryTimeoutSeconds(Duration timeout) {
    long millis = Math.max(1, timeout.toMillis());
    return (int) Math.min(Integer.MAX_VALUE, (millis + 999) / 1000);
  }
}
