/**
 * The expected failures of the use cases, one type per answer a page gives (a message under a
 * field, the conflict notice, a 404). Kept apart from the services so that a page can see at a
 * glance which failures it must map; all extend {@link
 * net.notejam.application.error.NotejamException}, which rolls the transaction back.
 */
package net.notejam.application.error;
