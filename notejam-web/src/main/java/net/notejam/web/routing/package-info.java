/**
 * Notejam's URLs ({@code /pads/12/edit/}): maps each to its Facelets view, builds each one where a
 * link or redirect needs it ({@link net.notejam.web.routing.Routes}, and {@code #{routes...}} in
 * the pages), says which a visitor may see, and makes forms post back to the URL they were shown
 * at, so no {@code .xhtml} address is ever visible.
 */
package net.notejam.web.routing;
