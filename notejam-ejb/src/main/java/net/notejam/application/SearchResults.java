package net.notejam.application;

import java.util.List;

/**
 * One page of a search's hits, best first: the words searched for, the hits, how many notes match
 * in all, and where the page stands ({@code number} from 1, within 1..{@link #pageCount()}).
 */
public record SearchResults(String words, List<SearchHit> hits, long total, int number, int size) {

  public int pageCount() {
    return NotePage.pageCount(total, size);
  }

  public boolean hasPrevious() {
    return number > 1;
  }

  public boolean hasNext() {
    return number < pageCount();
  }
}
