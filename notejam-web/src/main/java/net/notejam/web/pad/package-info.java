/** Pad pages: a pad's notes, and the forms that create, rename and delete a pad. */
package net.notejam.web.pad;
