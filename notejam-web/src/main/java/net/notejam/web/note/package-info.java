/** Note pages: the lists of notes, and a note's view and forms. */
package net.notejam.web.note;
