/**
 * The technical services beneath the use cases: mail, password hashing, activity metrics, the
 * security audit trail ({@link net.notejam.infrastructure.AuditLog}), the start-up schema migration
 * and the database probe for readiness, and reading SQLSTATEs. None of them knows a use case, so
 * they depend on nothing of Notejam's above the persistence module; {@link
 * net.notejam.infrastructure.DatabaseMigration} brings the schema up to date before anything else
 * touches the database.
 */
package net.notejam.infrastructure;
