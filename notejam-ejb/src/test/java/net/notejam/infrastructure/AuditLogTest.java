package net.notejam.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.ibm.websphere.logging.hpel.LogRecordContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import net.notejam.infrastructure.AuditLog.AuditEvent;
import net.notejam.infrastructure.AuditLog.Outcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuditLogTest {

  private final Logger logger = Logger.getLogger(AuditLog.LOGGER);
  private final List<Map<String, String>> fields = new ArrayList<>();
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          // Liberty's JSON log reads the extensions as the record is published, as this does.
          Map<String, String> extensions = new HashMap<>();
          LogRecordContext.getExtensions(extensions);
          extensions.remove("thread"); // one that the API itself registers
          fields.add(extensions);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @BeforeEach
  void listen() {
    logger.addHandler(capture);
  }

  @AfterEach
  void stopListening() {
    logger.removeHandler(capture);
  }

  @Test
  void aLineCarriesEventOutcomeAndAccountAsFieldsOnlyWhileItIsWritten() {
    AuditLog.record(AuditEvent.PASSWORD_CHANGE, 42L, Outcome.SUCCESS);

    assertEquals(
        Map.of("auditEvent", "PASSWORD_CHANGE", "auditOutcome", "SUCCESS", "accountId_long", "42"),
        fields.get(0));
    Map<String, String> after = new HashMap<>();
    LogRecordContext.getExtensions(after);
    after.remove("thread");
    assertEquals(Map.of(), after, "the request's later lines are no audit lines");
  }

  @Test
  void anUnknownAccountLeavesTheAccountFieldOut() {
    AuditLog.record(AuditEvent.SIGN_IN, null, Outcome.FAILURE);

    assertFalse(fields.get(0).containsKey("accountId_long"));
    assertEquals("FAILURE", fields.get(0).get("auditOutcome"));
  }
}
