package net.notejam.infrastructure;

import com.ibm.websphere.logging.hpel.LogRecordContext;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The audit trail for security reviews: one line per security event on the logger {@value #LOGGER},
 * (the JSON log's {@code module} field), which the log pipeline routes and keeps longer than the
 * rest. In Liberty's JSON log the line carries its facts as fields of its own: {@code
 * ext_auditEvent}, {@code ext_auditOutcome}, {@code ext_accountId_long} (absent when no account is
 * known), besides the request's {@code ext_requestId} and {@code ext_clientAddress} (set for the
 * whole request by the web module's request filter) and Liberty's {@code ibm_datetime}. Never a
 * password, token, email or note text: only the account's id.
 */
public final class AuditLog {

  /** The audit logger's name, for the log pipeline's routing rule. */
  public static final String LOGGER = "notejam.audit";

  /** What happened. */
  public enum AuditEvent {
    SIGN_IN,
    SIGN_OUT,
    PASSWORD_CHANGE,
    PASSWORD_RESET,
    LOCKED_OUT,
    ACCOUNT_CLOSED
  }

  /** Whether it was allowed to happen. */
  public enum Outcome {
    SUCCESS,
    FAILURE
  }

  static final String EVENT = "auditEvent";
  static final String OUTCOME = "auditOutcome";

  /** Typed by its suffix: Liberty writes an extension ending in {@code _long} as a JSON number. */
  static final String ACCOUNT_ID = "accountId_long";

  private static final Logger LOG = Logger.getLogger(LOGGER);

  private AuditLog() {}

  /**
   * Writes one audit line for {@code event} with {@code outcome}, about the account {@code
   * accountId} (null when none is known, as for a sign-in with an unknown email); anyone may call,
   * on the request's thread (which gives the line its request id and client address).
   */
  public static void record(AuditEvent event, Long accountId, Outcome outcome) {
    LogRecordContext.addExtension(EVENT, event.name());
    LogRecordContext.addExtension(OUTCOME, outcome.name());
    if (accountId != null) {
      LogRecordContext.addExtension(ACCOUNT_ID, accountId.toString());
    }
    try {
      LOG.log(
          Level.INFO,
          accountId == null ? "Audit: {0} {1}" : "Audit: {0} {1}, account {2}",
          new Object[] {event, outcome, accountId});
    } finally {
      LogRecordContext.removeExtension(EVENT);
      LogRecordContext.removeExtension(OUTCOME);
      LogRecordContext.removeExtension(ACCOUNT_ID);
    }
  }
}
