/**
 * Notejam's use cases as enterprise beans, and the records they hand back to pages (never
 * entities). Each public method of a {@code @Stateless} service is one transaction, takes the
 * signed-in user's id and keeps to that user's data, and reports expected failures as the
 * exceptions of {@link net.notejam.application.error}. The split follows Cargo Tracker's: use cases
 * here, the queries next to the entities in {@code notejam-persistence}, the technical services
 * they use (mail, hashing, metrics, the schema) in {@link net.notejam.infrastructure}. Depends on
 * those two only; pages depend on this package.
 */
package net.notejam.application;
