/**
 * "Download my notes" and "Import notes" on the settings page: the signed-in user's pads and notes
 * as a zip, one Markdown file per note in a folder per pad, and {@code notes.json} with every
 * field, streamed to the browser a page of notes at a time; and such a zip read back into an
 * account.
 */
package net.notejam.web.export;
