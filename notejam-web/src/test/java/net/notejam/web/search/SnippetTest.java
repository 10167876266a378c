package net.notejam.web.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A snippet's HTML: the note's text always escaped, its matched words the only markup. */
class SnippetTest {

  @Test
  void matchedWordsAreMarked() {
    assertEquals(
        "buy <mark>milk</mark> and <mark>bread</mark>",
        Snippet.html("buy \u0001milk\u0002 and \u0001bread\u0002"));
  }

  @Test
  void markupInTheTextStaysText() {
    assertEquals(
        "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;<mark>milk</mark>&quot;",
        Snippet.html("<script>alert('x')</script> & \"\u0001milk\u0002\""));
  }

  @Test
  void theStandInForLessThanIsALessThan() {
    assertEquals(
        "&lt;b&gt;<mark>milk</mark>&lt;/b&gt;", Snippet.html("\u0003b>\u0001milk\u0002\u0003/b>"));
  }

  @Test
  void unbalancedMarkersNeverLeaveAnOpenOrStrayTag() {
    assertEquals("a<mark>b</mark>", Snippet.html("a\u0001b"));
    assertEquals("ab", Snippet.html("a\u0002b"));
    assertEquals("<mark>ab</mark>", Snippet.html("\u0001\u0001ab\u0002\u0002"));
  }
}
