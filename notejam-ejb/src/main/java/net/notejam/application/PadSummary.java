package net.notejam.application;

import net.notejam.persistence.Pad;

/** A pad as lists and forms show it. */
public record PadSummary(long id, String name) {

  static PadSummary of(Pad pad) {
    return new PadSummary(pad.getId(), pad.getName());
  }
}
