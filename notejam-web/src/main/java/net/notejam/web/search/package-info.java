/**
 * The search page: the signed-in user's notes that match the words of the side column's search box,
 * best first, each with a snippet of its text in which the matched words are highlighted.
 */
package net.notejam.web.search;
