package net.notejam.persistence;

import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.Session;

/**
 * No query retries: EclipseLink retries a failed read twice, five seconds apart, when the database
 * does not answer, which holds a request for ten seconds during an outage. Notejam fails it at once
 * instead (the page says so, readiness reports the outage, the pool reconnects by itself).
 */
public class FailFastSessionCustomizer implements SessionCustomizer {

  @Override
  public void customize(Session session) {
    DatabaseLogin login = session.getLogin();
    login.setQueryRetryAttemptCount(0);
    login.setDelayBetweenConnectionAttempts(0);
  }
}
