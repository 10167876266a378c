package net.notejam.web.note;

import java.util.List;
import net.notejam.application.NoteOrder;
import net.notejam.application.NotePage;
import net.notejam.web.SmartDates;
import net.notejam.web.routing.Routes;

/**
 * A note list as the table shows it: one page of notes, and the links that sort it and turn its
 * pages, all relative to the list's own URL ({@code /} or {@code /pads/12/}).
 */
public final class NoteListing {

  private final String path;
  private final NotePage page;
  private final String newNoteUrl;
  private final boolean showPad;

  private NoteListing(String path, NotePage page, String newNoteUrl, boolean showPad) {
    this.path = path;
    this.page = page;
    this.newNoteUrl = newNoteUrl;
    this.showPad = showPad;
  }

  /** The listing of {@code page}, shown at {@code path}; "New note" goes to {@code newNoteUrl}. */
  public static NoteListing of(String path, NotePage page, String newNoteUrl, boolean showPad) {
    return new NoteListing(path, page, newNoteUrl, showPad);
  }

  public NotePage getPage() {
    return page;
  }

  /**
   * One table row: what a note's row shows, links and date worked out here, once per row, rather
   * than by several bean lookups and method calls per row while the page renders.
   */
  public record Row(String name, String href, String padName, String padHref, String updated) {}

  /** The page's rows, dates as {@code dates} writes them: {@code #{listing.rows(smartDates)}}. */
  public List<Row> rows(SmartDates dates) {
    return page.notes().stream()
        .map(
            n ->
                new Row(
                    n.name(),
                    Routes.NOTE.path(n.id()),
                    n.padName(),
                    n.padId() == null ? null : Routes.PAD.path(n.padId()),
                    dates.format(n.updatedAt())))
        .toList();
  }

  public String getNewNoteUrl() {
    return newNoteUrl;
  }

  /** True on "All notes", where the Pad column is shown. */
  public boolean isShowPad() {
    return showPad;
  }

  /** The list in {@code order} (a Notejam value such as {@code -name}), from its first page. */
  public String sortUrl(String order) {
    return path + "?order=" + order;
  }

  /** True when the list is in {@code order}: its arrow is highlighted. */
  public boolean sortedBy(String order) {
    return page.order().parameter().equals(order);
  }

  public String pageUrl(int number) {
    return path + "?order=" + page.order().parameter() + "&page=" + number;
  }

  public String getPreviousUrl() {
    return pageUrl(page.number() - 1);
  }

  public String getNextUrl() {
    return pageUrl(page.number() + 1);
  }

  public static NoteOrder order(String parameter) {
    return NoteOrder.fromParameter(parameter);
  }

  /** The page asked for by {@code ?page=}; 1 when missing or not a small positive number. */
  public static int pageNumber(String parameter) {
    if (parameter == null || !parameter.matches("[0-9]{1,9}")) {
      return 1;
    }
    return Math.max(1, Integer.parseInt(parameter));
  }
}
