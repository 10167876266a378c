package net.notejam.web;

import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import net.notejam.application.error.EditConflict;
import net.notejam.application.error.InvalidInput;

/**
 * What an edit form (of a note or a pad) keeps of the item it edits: the item as stored, and the
 * version it had when the form was shown (the form's hidden field {@code version} sends it back).
 * Saving refuses an edit made meanwhile elsewhere with a message, and the form then shows what is
 * stored now; invalid input is refused with its message.
 */
public class EditedItem<T> {

  private final Supplier<T> load;
  private final ToLongFunction<T> versionOf;
  private final Consumer<T> fill;

  private T stored;
  private long version;

  /**
   * {@code load} reads the item as stored now (404 if it is not the user's); {@code fill} puts it
   * into the form's fields.
   */
  public EditedItem(Supplier<T> load, ToLongFunction<T> versionOf, Consumer<T> fill) {
    this.load = load;
    this.versionOf = versionOf;
    this.fill = fill;
  }

  /** The item as stored (for the title and links): loaded once, and again after a conflict. */
  public T stored() {
    if (stored == null) {
      stored = load.get();
    }
    return stored;
  }

  /** Fills the form with the stored item and remembers its version. */
  public void show() {
    T item = stored();
    fill.accept(item);
    version = versionOf.applyAsLong(item);
  }

  /**
   * The outcome of {@code save} (which updates with {@link #getVersion}); or null to stay on the
   * form after {@link InvalidInput}, or after an {@link EditConflict}, showing the item as stored
   * now.
   */
  public String save(Supplier<String> save) {
    try {
      return save.get();
    } catch (EditConflict e) {
      Feedback.error(e.getMessage());
      stored = null;
      show();
    } catch (InvalidInput e) {
      Feedback.error(e.getMessage());
    }
    return null;
  }

  public long getVersion() {
    return version;
  }

  public void setVersion(long version) {
    this.version = version;
  }
}
