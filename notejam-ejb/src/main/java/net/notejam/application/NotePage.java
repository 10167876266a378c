package net.notejam.application;

import java.util.List;

/**
 * One page of a note list: its rows, the total count, and where it stands ({@code number} counts
 * from 1, and is within 1..{@link #pageCount()} whatever page was asked for).
 */
public record NotePage(
    List<NoteSummary> notes, long total, int number, int size, NoteOrder order) {

  public int pageCount() {
    return total == 0 ? 1 : (int) ((total + size - 1) / size);
  }

  public boolean hasPrevious() {
    return number > 1;
  }

  public boolean hasNext() {
    return number < pageCount();
  }
}
