package net.notejam.service;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Whether the database answers now; for the readiness health check. */
@Stateless
public class DatabaseStatus {

  private static final int TIMEOUT_SECONDS = 2;

  @Resource(lookup = "jdbc/notejam")
  private DataSource dataSource;

  /** True when a connection can be had and answers within a short timeout. */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public boolean answers() {
    try (Connection connection = dataSource.getConnection()) {
      return connection.isValid(TIMEOUT_SECONDS);
    } catch (SQLException e) {
      return false;
    }
  }
}
