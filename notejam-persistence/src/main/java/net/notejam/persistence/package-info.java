/**
 * Notejam's domain model as JPA entities: {@link net.notejam.persistence.User users} own {@link
 * net.notejam.persistence.Pad pads} and {@link net.notejam.persistence.Note notes}. The schema is
 * owned by the Flyway migrations under {@code db/migration}; the mappings here only describe it
 * (no schema generation). Knows nothing of services or pages.
 */
package net.notejam.persistence;
