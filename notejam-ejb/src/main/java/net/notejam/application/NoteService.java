package net.notejam.application;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;
import net.notejam.application.error.EditConflict;
import net.notejam.application.error.InvalidInput;
import net.notejam.application.error.NotFound;
import net.notejam.application.input.InputRule;
import net.notejam.infrastructure.ActivityCounters.Activity;
import net.notejam.persistence.Note;
import net.notejam.persistence.Notes;
import net.notejam.persistence.Pad;
import net.notejam.persistence.User;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Notes of the signed-in user. Every method takes the owner's id and sees only that user's notes
 * and pads: anything else is {@link NotFound}.
 */
@Stateless
public class NoteService extends ApplicationService {

  private static final Logger LOG = Logger.getLogger(NoteService.class.getName());

  @Inject
  @ConfigProperty(name = "notejam.page-size")
  private int pageSize;

  /** Page {@code page} (from 1, clamped to the last) of all notes of {@code ownerId}. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public NotePage listAll(long ownerId, NoteOrder order, int page) {
    return page(ownerId, null, Notes.countOwnedBy(em, ownerId), order, page);
  }

  /** Page {@code page} of the notes in pad {@code padId}; {@link NotFound} if not the owner's. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public NotePage listInPad(long ownerId, long padId, NoteOrder order, int page) {
    Pad pad = Ownership.pad(em, ownerId, padId);
    return page(ownerId, pad, Notes.countInPad(em, pad), order, page);
  }

  /** The note {@code noteId} of {@code ownerId}; {@link NotFound} otherwise. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public NoteDetails get(long ownerId, long noteId) {
    return NoteDetails.of(Ownership.note(em, ownerId, noteId));
  }

  /**
   * Creates a note of {@code ownerId}, in pad {@code padId} or in none (null). {@link NotFound}
   * when the pad is not the owner's, {@link InvalidInput} for a blank or over-long name or text.
   */
  public NoteDetails create(long ownerId, Long padId, String name, String text) {
    User owner = em.getReference(User.class, ownerId);
    Note note =
        new Note(
            owner,
            Ownership.padOrNone(em, ownerId, padId),
            InputRule.NOTE_NAME.check(name).strip(),
            InputRule.NOTE_TEXT.check(text));
    em.persist(note);
    em.flush();
    counters.count(Activity.NOTE_CREATED);
    LOG.fine(() -> "Note " + note.getId() + " created by user " + ownerId);
    return NoteDetails.of(note);
  }

  /**
   * Changes the note's name and text and moves it to pad {@code padId} (null: no pad), if it is
   * still at {@code expectedVersion}; {@link EditConflict} if it was changed since, {@link
   * NotFound} if the note or the pad is not the owner's.
   */
  public NoteDetails update(
      long ownerId, long noteId, long expectedVersion, Long padId, String name, String text) {
    Note note = Ownership.note(em, ownerId, noteId);
    edit(
        note,
        expectedVersion,
        "note",
        Activity.NOTE_UPDATED,
        n -> {
          n.moveTo(Ownership.padOrNone(em, ownerId, padId));
          n.edit(InputRule.NOTE_NAME.check(name).strip(), InputRule.NOTE_TEXT.check(text));
        });
    return NoteDetails.of(note);
  }

  /**
   * Moves the note {@code noteId} of {@code ownerId} to the trash ({@link TrashService}) and
   * returns what it was; {@link NotFound} if it is not the owner's, or in the trash already.
   */
  public NoteDetails delete(long ownerId, long noteId) {
    Note note = Ownership.note(em, ownerId, noteId);
    NoteDetails deleted = NoteDetails.of(note);
    Notes.trash(em, ownerId, noteId, Instant.now());
    counters.count(Activity.NOTE_DELETED);
    return deleted;
  }

  /** Page {@code requested} (clamped) of {@code ownerId}'s notes in {@code pad} (null: all). */
  private NotePage page(long ownerId, Pad pad, long total, NoteOrder order, int requested) {
    int number = NotePage.clamp(requested, total, pageSize);
    List<NoteSummary> rows =
        Notes.page(
            em, ownerId, pad, order.query(), (number - 1) * pageSize, pageSize, NoteSummary::new);
    return new NotePage(rows, total, number, pageSize, order);
  }
}
