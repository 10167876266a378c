/**
 * Notejam's domain model as JPA entities, and every query on it. {@link
 * net.notejam.persistence.User Users} own {@link net.notejam.persistence.Pad pads} and {@link
 * net.notejam.persistence.Note notes}; what they share (creation time, version, last change, owner)
 * is mapped once in {@link net.notejam.persistence.VersionedEntity}, {@link
 * net.notejam.persistence.EditedEntity} and {@link net.notejam.persistence.OwnedEntity}.
 *
 * <p>The queries are named queries, their JPQL in {@code META-INF/orm.xml} by the entity they read
 * and their names declared on that entity, run by one small repository class per entity ({@link
 * net.notejam.persistence.Pads}, {@link net.notejam.persistence.Notes}, {@link
 * net.notejam.persistence.Users}, {@link net.notejam.persistence.PasswordResetTokens}): the
 * services call a method that says what it finds instead of naming a query and its parameters.
 * Every query of pads and notes takes the owner ({@code where n.id = :id and n.owner = :owner}).
 * The repositories are static methods over the caller's {@code EntityManager}, not beans: the
 * service owns the persistence context and the transaction, and this module stays free of CDI. Only
 * the note list, whose order varies, is built with the Criteria API.
 *
 * <p>The schema is owned by the Flyway migrations under {@code db/migration}; the mappings here
 * only describe it (no schema generation). Knows nothing of services or pages.
 */
package net.notejam.persistence;
