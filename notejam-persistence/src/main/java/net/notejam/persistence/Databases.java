package net.notejam.persistence;

import jakarta.persistence.EntityManager;
import org.eclipse.persistence.sessions.Session;

/** What differs between the two databases Notejam runs on, asked of EclipseLink. */
final class Databases {

  private Databases() {}

  /** True on PostgreSQL; false on the embedded H2 default. */
  static boolean isPostgresql(EntityManager em) {
    return em.unwrap(Session.class).getPlatform().isPostgreSQL();
  }
}
