package net.notejam.application;

import java.util.Arrays;

/** The orders of a note list, by their Notejam URL value ({@code ?order=-updated_at}). */
public enum NoteOrder {
  NAME("name", "lower(n.name) asc, n.id asc"),
  NAME_DESC("-name", "lower(n.name) desc, n.id desc"),
  UPDATED("updated_at", "n.updatedAt asc, n.id asc"),
  UPDATED_DESC("-updated_at", "n.updatedAt desc, n.id desc");

  /** Newest first, as Notejam shows a list when no order is asked for. */
  public static final NoteOrder DEFAULT = UPDATED_DESC;

  private final String parameter;
  private final String jpql;

  NoteOrder(String parameter, String jpql) {
    this.parameter = parameter;
    this.jpql = jpql;
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

  /** The JPQL order-by clause; the id breaks ties so that pages never overlap. */
  String jpql() {
    return jpql;
  }
}
