package net.notejam.application;

import java.time.Instant;
import java.util.List;

/**
 * What an uploaded export holds, as {@link ImportService} recreates it: pads by the key the export
 * gave them, and notes naming their pad by that key (null: in none).
 */
public record ImportedNotes(List<Pad> pads, List<Note> notes) {

  /** A pad of the export: its key there, its name, when it was created and last changed. */
  public record Pad(long key, String name, Instant createdAt, Instant updatedAt) {}

  /**
   * A note of the export: its name, text, its pad's key (null: in none), when it was created and
   * last changed.
   */
  public record Note(String name, String text, Long padKey, Instant createdAt, Instant updatedAt) {}

  /** How an import went: what was created, and the notes that were there already unchanged. */
  public record Outcome(int padsCreated, int notesCreated, int notesSkipped) {}
}
