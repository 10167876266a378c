package net.notejam.application;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;
import net.notejam.application.error.EditConflict;
import net.notejam.application.error.InvalidInput;
import net.notejam.application.error.NotFound;
import net.notejam.application.input.InputRule;
import net.notejam.infrastructure.ActivityCounters.Activity;
import net.notejam.persistence.Notes;
import net.notejam.persistence.Pad;
import net.notejam.persistence.Pads;
import net.notejam.persistence.User;

/**
 * Pads of the signed-in user. Every method takes the owner's id and sees only that user's pads:
 * anything else is {@link NotFound}.
 */
@Stateless
public class PadService extends ApplicationService {

  private static final Logger LOG = Logger.getLogger(PadService.class.getName());

  /** The pads of user {@code ownerId}, by name, for the "My pads" column and the note form. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<PadSummary> listAll(long ownerId) {
    return Pads.ownedBy(em, ownerId).stream().map(PadSummary::of).toList();
  }

  /** The pad {@code padId} of {@code ownerId}; {@link NotFound} otherwise. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public PadSummary get(long ownerId, long padId) {
    return PadSummary.of(Ownership.pad(em, ownerId, padId));
  }

  /** Creates a pad of {@code ownerId}; {@link InvalidInput} for a blank or over-long name. */
  public PadSummary create(long ownerId, String name) {
    Pad pad = new Pad(em.getReference(User.class, ownerId), InputRule.PAD_NAME.check(name).strip());
    em.persist(pad);
    em.flush();
    counters.count(Activity.PAD_CREATED);
    LOG.fine(() -> "Pad " + pad.getId() + " created by user " + ownerId);
    return PadSummary.of(pad);
  }

  /**
   * Renames the pad {@code padId} of {@code ownerId} if it is still at {@code expectedVersion};
   * {@link EditConflict} if it was changed since, {@link NotFound} if it is not the owner's.
   */
  public PadSummary rename(long ownerId, long padId, long expectedVersion, String name) {
    Pad pad = Ownership.pad(em, ownerId, padId);
    edit(
        pad,
        expectedVersion,
        "pad",
        Activity.PAD_UPDATED,
        p -> p.rename(InputRule.PAD_NAME.check(name).strip()));
    return PadSummary.of(pad);
  }

  /**
   * Moves the pad {@code padId} of {@code ownerId} to the trash with all its notes ({@link
   * TrashService}: restoring the pad brings them back); {@link NotFound} if it is not the owner's,
   * or in the trash already.
   */
  public PadSummary delete(long ownerId, long padId) {
    Pad pad = Ownership.pad(em, ownerId, padId);
    PadSummary deleted = PadSummary.of(pad);
    Instant now = Instant.now();
    int notes = Notes.trashWithPad(em, pad, now);
    Pads.trash(em, pad, now);
    counters.count(Activity.PAD_DELETED);
    LOG.fine(() -> "Pad " + padId + " moved to the trash with its " + notes + " notes");
    return deleted;
  }
}
