package net.notejam.application;

import jakarta.persistence.EntityManager;
import net.notejam.application.error.NotFound;
import net.notejam.persistence.Note;
import net.notejam.persistence.Pad;
import net.notejam.persistence.User;

/** Finds a pad or note only if it belongs to the given user; otherwise {@link NotFound}. */
final class Ownership {

  private Ownership() {}

  static Pad pad(EntityManager em, long ownerId, long padId) {
    return em.createNamedQuery(Pad.BY_ID_AND_OWNER, Pad.class)
        .setParameter("id", padId)
        .setParameter("owner", em.getReference(User.class, ownerId))
        .getResultStream()
        .findFirst()
        .orElseThrow(() -> new NotFound("Pad", padId));
  }

  /** The pad a note goes in: none for a null id, else one of the owner's pads. */
  static Pad padOrNone(EntityManager em, long ownerId, Long padId) {
    return padId == null ? null : pad(em, ownerId, padId);
  }

  static Note note(EntityManager em, long ownerId, long noteId) {
    return em.createNamedQuery(Note.BY_ID_AND_OWNER, Note.class)
        .setParameter("id", noteId)
        .setParameter("owner", em.getReference(User.class, ownerId))
        .getResultStream()
        .findFirst()
        .orElseThrow(() -> new NotFound("Note", noteId));
  }
}
