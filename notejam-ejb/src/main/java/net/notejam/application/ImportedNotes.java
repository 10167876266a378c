package net.notejam.application;

import java.util.List;

/**
 * What an uploaded export holds, as {@link ImportService} recreates it: pads by the key the export
 * gave them, and notes naming their pad by that key (null: in none).
 */
public record ImportedNotes(List<Pad> pads, List<Note> notes) {

  /** A pad of the export: its key there, and its name. */
  public record Pad(long key, String name) {}

  /** A note of the export: its name, text and its pad's key (null: in none). */
  public record Note(String name, String text, Long padKey) {}

  /** How an import went: what was created, and the notes that were there already unchanged. */
  public record Outcome(int padsCreated, int notesCreated, int notesSkipped) {}
}
