package net.notejam.application;

import java.util.Arrays;
import net.notejam.persistence.Notes;

/** The orders of a note list, by their Notejam URL value ({@code ?order=-updated_at}). */
public enum NoteOrder {
  NAME("name", Notes.Order.NAME),
  NAME_DESC("-name", Notes.Order.NAME_DESC),
  UPDATED("updated_at", Notes.Order.UPDATED),
  UPDATED_DESC("-updated_at", Notes.Order.UPDATED_DESC);

  /** Newest first, as Notejam shows a list when no order is asked for. */
  public static final NoteOrder DEFAULT = UPDATED_DESC;

  private final String parameter;
  private final Notes.Order query;

  NoteOrder(String parameter, Notes.Order query) {
    this.parameter = parameter;
    this.query = query;
  }

  /** The order a URL asks for; the default for a missing or unknown value. */
  public static NoteOrder fromParameter(String value) {
    return Arrays.stream(values())
        .filter(o -> o.parameter.equals(value))
        .findFirst()
        .orElse(DEFAULT);
  }

  public String parameter() {
    return parameter;
  }

  /** The same order as the list query knows it. */
  Notes.Order query() {
    return query;
  }
}
