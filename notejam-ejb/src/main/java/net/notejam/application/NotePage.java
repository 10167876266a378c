package net.notejam.application;

import java.util.List;

/**
 * One page of a note list: its rows, the total count, and where it stands ({@code number} counts
 * from 1, and is within 1..{@link #pageCount()} whatever page was asked for).
 */
public record NotePage(List<NoteSummary> notes, long total, int number, int size, NoteOrder order) {

  public int pageCount() {
    return pageCount(total, size);
  }

  /** How many pages of {@code size} rows {@code total} rows fill; an empty list has one. */
  static int pageCount(long total, int size) {
    return total == 0 ? 1 : (int) ((total + size - 1) / size);
  }

  /** The page to show when page {@code requested} is asked for: within 1..pageCount. */
  static int clamp(int requested, long total, int size) {
    return Math.max(1, Math.min(requested, pageCount(total, size)));
  }

  public boolean hasPrevious() {
    return number > 1;
  }

  public boolean hasNext() {
    return number < pageCount();
  }
}
