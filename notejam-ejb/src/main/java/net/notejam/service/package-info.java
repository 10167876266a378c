/**
 * Notejam's use cases as enterprise beans: each public method of a {@code @Stateless} service is one
 * transaction, checks ownership, and reports expected failures as subclasses of {@link
 * net.notejam.service.NotejamException}. {@link net.notejam.service.DatabaseMigration} brings the
 * schema up to date before anything else touches the database.
 */
package net.notejam.service;
