package net.notejam.application;

import java.time.Instant;
import net.notejam.persistence.Note;

/**
 * A whole note, for its page and its edit form; {@code version} goes back with an edit so that a
 * change made meanwhile elsewhere is not overwritten.
 */
public record NoteDetails(
    long id,
    String name,
    String text,
    Long padId,
    String padName,
    Instant updatedAt,
    long version) {

  static NoteDetails of(Note note) {
    return new NoteDetails(
        note.getId(),
        note.getName(),
        note.getText(),
        note.getPad() == null ? null : note.getPad().getId(),
        note.getPad() == null ? null : note.getPad().getName(),
        note.getUpdatedAt(),
        note.getVersion());
  }
}
