package net.notejam.infrastructure;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** Whether the database answers now; for the readiness health check. */
@Stateless
public class DatabaseStatus {

  private static final int TIMEOUT_SECONDS = 2;

  @Resource(lookup = "jdbc/notejam")
  private DataSource dataSource;

  /**
   * True when a connection can be had and answers a query within a short timeout. A real query,
   * not {@code Connection.isValid}: the server's connection handle can call a pooled connection
   * valid after the database went away. A failure also tells the pool its connections are stale.
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public boolean answers() {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.setQueryTimeout(TIMEOUT_SECONDS);
      statement.execute("select 1");
      return true;
    } catch (SQLException e) {
      return false;
    }
  }
}
