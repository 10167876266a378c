package net.notejam.application;

import net.notejam.persistence.Pad;

/**
 * A pad as lists and forms show it; {@code version} goes back with a rename so that a change made
 * meanwhile elsewhere is not overwritten.
 */
public record PadSummary(long id, String name, long version) {

  static PadSummary of(Pad pad) {
    return new PadSummary(pad.getId(), pad.getName(), pad.getVersion());
  }
}
