package net.notejam.application;

import jakarta.persistence.EntityManager;
import net.notejam.application.error.NotFound;
import net.notejam.persistence.Note;
import net.notejam.persistence.Notes;
import net.notejam.persistence.Pad;
import net.notejam.persistence.Pads;

/**
 * A pad or note of the given user, or {@link NotFound}: the queries (in {@link Pads} and {@link
 * Notes}) already keep to the owner; this turns their empty answer into the use cases' 404.
 */
final class Ownership {

  private Ownership() {}

  static Pad pad(EntityManager em, long ownerId, long padId) {
    return Pads.find(em, ownerId, padId).orElseThrow(() -> new NotFound("Pad", padId));
  }

  /** The pad a note goes in: none for a null id, else one of the owner's pads. */
  static Pad padOrNone(EntityManager em, long ownerId, Long padId) {
    return padId == null ? null : pad(em, ownerId, padId);
  }

  static Note note(EntityManager em, long ownerId, long noteId) {
    return Notes.find(em, ownerId, noteId).orElseThrow(() -> new NotFound("Note", noteId));
  }
}
