/**
 * The trash page: what the signed-in user deleted, each item with its Restore and Delete forever
 * buttons, and how long deleted items are kept, as the delete pages say it too.
 */
package net.notejam.web.trash;
