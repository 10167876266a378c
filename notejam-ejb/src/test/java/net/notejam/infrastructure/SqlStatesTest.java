package net.notejam.infrastructure;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class SqlStatesTest {

  @Test
  void findsAUniqueViolationHoweverDeepItIsWrapped() {
    SQLException unique = new SQLException("duplicate key", "23505");
    RuntimeException wrapped = new RuntimeException(new IllegalStateException(unique));

    assertTrue(SqlStates.isUniqueViolation(wrapped));
  }

  @Test
  void otherFailuresAreNotUniqueViolations() {
    assertFalse(SqlStates.isUniqueViolation(new SQLException("fk", "23503")));
    assertFalse(SqlStates.isUniqueViolation(new RuntimeException("no cause")));
  }
}
