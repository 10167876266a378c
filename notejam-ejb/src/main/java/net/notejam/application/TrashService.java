package net.notejam.application;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import net.notejam.application.TrashItem.Kind;
import net.notejam.application.error.NotFound;
import net.notejam.infrastructure.ActivityCounters.Activity;
import net.notejam.persistence.JobRuns;
import net.notejam.persistence.Note;
import net.notejam.persistence.Notes;
import net.notejam.persistence.Pad;
import net.notejam.persistence.Pads;

/**
 * The trash of the signed-in user: what {@link NoteService#delete} and {@link PadService#delete}
 * put there, to restore or to delete for good. Every method but the purge takes the owner's id and
 * sees only that user's trash: anything else, and anything not in the trash, is {@link NotFound}. A
 * note that went to the trash with its pad is part of the pad's item, not an item of its own.
 */
@Stateless
public class TrashService extends ApplicationService {

  private static final Logger LOG = Logger.getLogger(TrashService.class.getName());

  /** The purge job's row in {@code job_runs}. */
  static final String PURGE_JOB = "trash-purge";

  @Inject private TrashSettings settings;

  /** The trash of {@code ownerId}, most recently deleted first. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<TrashItem> list(long ownerId) {
    List<Pad> pads = Pads.trashed(em, ownerId);
    Map<Long, Long> notesWithPads = Notes.countTrashedWithPads(em, ownerId);
    Set<Long> trashedPads = pads.stream().map(Pad::getId).collect(Collectors.toSet());
    List<TrashItem> items = new ArrayList<>();
    for (Pad pad : pads) {
      items.add(
          new TrashItem(
              Kind.PAD,
              pad.getId(),
              pad.getName(),
              null,
              false,
              notesWithPads.getOrDefault(pad.getId(), 0L),
              pad.getDeletedAt()));
    }
    items.addAll(
        Notes.trashed(
            em,
            ownerId,
            (id, name, padId, padName, deletedAt) ->
                new TrashItem(
                    Kind.NOTE,
                    id,
                    name,
                    padName,
                    padId != null && trashedPads.contains(padId),
                    0,
                    deletedAt)));
    items.sort(
        Comparator.comparing(TrashItem::deletedAt)
            .thenComparing(TrashItem::kind)
            .thenComparingLong(TrashItem::id)
            .reversed());
    return items;
  }

  /**
   * Takes the note {@code noteId} out of the trash of {@code ownerId}, back into its pad, or into
   * no pad if that pad is in the trash too; {@link NotFound} if it is not in the owner's trash.
   */
  public void restoreNote(long ownerId, long noteId) {
    Note note = trashedNote(ownerId, noteId);
    if (note.getPad() != null && note.getPad().isTrashed()) {
      Notes.takeOutOfPad(em, ownerId, noteId);
    }
    Notes.restore(em, ownerId, noteId);
    counters.count(Activity.NOTE_RESTORED);
    LOG.fine(() -> "Note " + noteId + " restored by user " + ownerId);
  }

  /**
   * Takes the pad {@code padId} out of the trash of {@code ownerId} with the notes that went there
   * with it; {@link NotFound} if it is not in the owner's trash.
   */
  public void restorePad(long ownerId, long padId) {
    Pad pad = trashedPad(ownerId, padId);
    int notes = Notes.restoreWithPad(em, pad);
    Pads.restore(em, pad);
    counters.count(Activity.PAD_RESTORED);
    LOG.fine(() -> "Pad " + padId + " restored with " + notes + " notes by user " + ownerId);
  }

  /** Deletes the note {@code noteId} from the trash of {@code ownerId} for good; else NotFound. */
  public void deleteNote(long ownerId, long noteId) {
    em.remove(trashedNote(ownerId, noteId));
    LOG.fine(() -> "Note " + noteId + " deleted for good by user " + ownerId);
  }

  /**
   * Deletes the pad {@code padId} from the trash of {@code ownerId} for good, with the notes that
   * went there with it; a note of it that is in the trash on its own stays there, in no pad. {@link
   * NotFound} if the pad is not in the owner's trash.
   */
  public void deletePad(long ownerId, long padId) {
    Pad pad = trashedPad(ownerId, padId);
    int notes = Notes.deleteWithPad(em, pad);
    em.remove(pad);
    LOG.fine(() -> "Pad " + padId + " deleted for good with " + notes + " notes");
  }

  /**
   * Deletes for good what every user put in the trash longer than {@code notejam.trash.retention}
   * ago, if this instance gets the turn (see {@link JobRuns#claim}): of the instances running the
   * job, one does the work at a time and the others skip it. The job's turns may come up to half an
   * interval early on one instance after another ran, so a turn counts as due once half the
   * interval has passed since the last run. For the purge job only.
   */
  public void purgeExpired() {
    Instant now = Instant.now();
    if (!JobRuns.claim(em, PURGE_JOB, now, now.minus(settings.purgeInterval().dividedBy(2)))) {
      return;
    }
    Instant before = now.minus(settings.retention());
    int notes = Notes.purgeTrashedBefore(em, before);
    int pads = Pads.purgeTrashedBefore(em, before);
    if (notes + pads > 0) {
      LOG.info(
          () -> "Trash purged: " + notes + " notes and " + pads + " pads deleted before " + before);
    }
  }

  private Note trashedNote(long ownerId, long noteId) {
    return Notes.findTrashed(em, ownerId, noteId).orElseThrow(() -> new NotFound("Note", noteId));
  }

  private Pad trashedPad(long ownerId, long padId) {
    return Pads.findTrashed(em, ownerId, padId).orElseThrow(() -> new NotFound("Pad", padId));
  }
}
