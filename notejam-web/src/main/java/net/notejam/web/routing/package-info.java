/**
 * Notejam's URLs ({@code /pads/12/edit/}): maps each to its Facelets view, and makes forms post
 * back to the URL they were shown at, so no {@code .xhtml} address is ever visible.
 */
package net.notejam.web.routing;
