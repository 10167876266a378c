package net.notejam.web.search;

import net.notejam.persistence.NoteSearch;

/**
 * A search hit's snippet as HTML: the note's text escaped, with its matched words in {@code
 * <mark>}. The page writes it unescaped, so this is the one place that escapes it: every character
 * of the note's text comes out as text, and {@code <mark>} is the only markup there is.
 */
final class Snippet {

  private Snippet() {}

  /** The HTML of {@code marked}, a snippet as {@link NoteSearch} makes it. */
  static String html(String marked) {
    StringBuilder html = new StringBuilder(marked.length() + 32);
    boolean inMark = false;
    for (int i = 0; i < marked.length(); i++) {
      char c = marked.charAt(i);
      switch (c) {
        case NoteSearch.START -> {
          if (!inMark) {
            html.append("<mark>");
            inMark = true;
          }
        }
        case NoteSearch.STOP -> {
          if (inMark) {
            html.append("</mark>");
            inMark = false;
          }
        }
        case NoteSearch.LESS_THAN, '<' -> html.append("&lt;");
        case '>' -> html.append("&gt;");
        case '&' -> html.append("&amp;");
        case '"' -> html.append("&quot;");
        case '\'' -> html.append("&#39;");
        default -> html.append(c);
      }
    }
    return inMark ? html.append("</mark>").toString() : html.toString();
  }
}
