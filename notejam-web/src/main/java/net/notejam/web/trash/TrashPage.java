package net.notejam.web.trash;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.notejam.application.TrashItem;
import net.notejam.application.TrashService;
import net.notejam.application.error.NotFound;
import net.notejam.web.Navigation;
import net.notejam.web.SmartDates;
import net.notejam.web.routing.Routes;
import net.notejam.web.security.CurrentUser;

/**
 * {@code /trash/}: the signed-in user's deleted notes and pads, newest first, each with a form of
 * its own to restore it or delete it for good. The form names its item in the field {@code item}
 * ({@code note-12}, {@code pad-3}) rather than by its row: a row number would point at another item
 * once the trash changed in another tab. A malformed item, or one not in this user's trash, is a
 * 404.
 */
@Named
@RequestScoped
public class TrashPage {

  /** The posted field naming the item a button acts on. */
  static final String ITEM = "item";

  private static final Pattern ITEM_KEY = Pattern.compile("(note|pad)-([0-9]{1,18})");

  @Inject private TrashService trash;
  @Inject private CurrentUser currentUser;
  @Inject private SmartDates dates;
  @Inject private FacesContext faces;

  private List<Row> rows;

  /**
   * One row as the table shows it: what it is, its name, its pad (or, for a pad, the notes that
   * went with it), when it was deleted; {@code key} goes back with the row's buttons.
   */
  public record Row(String key, String what, String name, String pad, String deleted) {}

  /** Reads the trash before rendering, so that a failure shows the error page cleanly. */
  public void load() {
    getRows();
  }

  public List<Row> getRows() {
    if (rows == null) {
      rows = trash.list(currentUser.getId()).stream().map(this::row).toList();
    }
    return rows;
  }

  public String getTitle() {
    return "Trash (" + getRows().size() + ")";
  }

  public String restore() {
    return act(trash::restorePad, trash::restoreNote, "successfully restored");
  }

  public String delete() {
    return act(trash::deletePad, trash::deleteNote, "deleted forever");
  }

  /** What the trash service does to one of the owner's items. */
  private interface ItemAction {
    void apply(long ownerId, long itemId);
  }

  /** Does to the posted item what its kind needs, then shows the trash with "Pad is " + done. */
  private String act(ItemAction onPad, ItemAction onNote, String done) {
    Item item = postedItem();
    (item.pad() ? onPad : onNote).apply(currentUser.getId(), item.id());
    return Navigation.redirectWithSuccess(
        Routes.TRASH, (item.pad() ? "Pad is " : "Note is ") + done);
  }

  private Row row(TrashItem item) {
    String key = (item.isPad() ? "pad-" : "note-") + item.id();
    String pad;
    if (item.isPad()) {
      pad = item.notes() == 1 ? "with 1 note" : "with " + item.notes() + " notes";
    } else if (item.padName() == null) {
      pad = "No pad";
    } else {
      pad = item.padName() + (item.padTrashed() ? " (in the trash)" : "");
    }
    return new Row(
        key, item.isPad() ? "Pad" : "Note", item.name(), pad, dates.format(item.deletedAt()));
  }

  /** A trash item as a button's form names it: a pad's or a note's id. */
  record Item(boolean pad, long id) {

    /** The item {@code key} names ({@code note-12}, {@code pad-3}); empty for anything else. */
    static Optional<Item> of(String key) {
      Matcher m = key == null ? null : ITEM_KEY.matcher(key);
      if (m == null || !m.matches()) {
        return Optional.empty();
      }
      return Optional.of(new Item(m.group(1).equals("pad"), Long.parseLong(m.group(2))));
    }
  }

  private Item postedItem() {
    return Item.of(faces.getExternalContext().getRequestParameterMap().get(ITEM))
        .orElseThrow(() -> new NotFound("Trash item"));
  }
}
