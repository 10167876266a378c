package net.notejam.application;

import java.time.Instant;

/**
 * A row of the trash page: a note trashed on its own, with the pad it was in ({@code padName} null:
 * no pad; {@code padTrashed} when that pad is in the trash too, so a restore leaves the note in no
 * pad), or a pad with the number of {@code notes} that went with it.
 */
public record TrashItem(
    Kind kind,
    long id,
    String name,
    String padName,
    boolean padTrashed,
    long notes,
    Instant deletedAt) {

  /** What was deleted. */
  public enum Kind {
    NOTE,
    PAD
  }

  public boolean isPad() {
    return kind == Kind.PAD;
  }
}
