/**
 * Notejam's web interface: Jakarta Faces pages with one thin backing bean each, which bind a form,
 * call one service method, leave a message (Notices) and redirect. Never touches the database
 * itself.
 */
package net.notejam.web;
