package net.notejam.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class DatabaseStatusTest {

  @Test
  void theQueryTimeoutIsTheSettingRoundedUpToWholeSeconds() {
    assertEquals(2, DatabaseStatus.queryTimeoutSeconds(Duration.ofMillis(2000)));
    assertEquals(5, DatabaseStatus.queryTimeoutSeconds(Duration.ofMillis(4001)));
    assertEquals(1, DatabaseStatus.queryTimeoutSeconds(Duration.ofMillis(250)));
    assertEquals(1, DatabaseStatus.queryTimeoutSeconds(Duration.ZERO), "0 would mean no timeout");
  }

  @Test
  void aRaisedSettingGivesTheQueryLonger() throws Exception {
    List<Object> timeouts = new ArrayList<>();
    DatabaseStatus status = statusOver(timeouts, null);

    assertTrue(status.answers(Duration.ofSeconds(7)));
    assertEquals(List.of(7), timeouts);
  }

  @Test
  void aFailingQueryMeansTheDatabaseDoesNotAnswer() throws Exception {
    DatabaseStatus status = statusOver(new ArrayList<>(), new SQLException("timed out", "57014"));

    assertFalse(status.answers(Duration.ofSeconds(2)));
  }

  /** A DatabaseStatus over a data source whose statements record their timeout. */
  private static DatabaseStatus statusOver(List<Object> timeouts, SQLException failure)
      throws Exception {
    Statement statement =
        proxy(
            Statement.class,
            (method, args) -> {
              switch (method) {
                case "setQueryTimeout" -> timeouts.add(args[0]);
                case "execute" -> {
                  if (failure != null) {
                    throw failure;
                  }
                  return true;
                }
                default -> {}
              }
              return null;
            });
    Connection connection =
        proxy(
            Connection.class,
            (method, args) -> "createStatement".equals(method) ? statement : null);
    DataSource dataSource =
        proxy(
            DataSource.class, (method, args) -> "getConnection".equals(method) ? connection : null);
    DatabaseStatus status = new DatabaseStatus();
    Field field = DatabaseStatus.class.getDeclaredField("dataSource");
    field.setAccessible(true);
    field.set(status, dataSource);
    return status;
  }

  private interface Answer {
    Object call(String method, Object[] args) throws Exception;
  }

  private static <T> T proxy(Class<T> type, Answer answer) {
    return type.cast(
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (self, method, args) -> answer.call(method.getName(), args)));
  }
}
