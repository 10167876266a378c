package net.notejam.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The queries for notes; each one is limited to one owner's notes. */
public final class Notes {

  /** The orders of a note list; the id breaks ties the same way, so that pages never overlap. */
  public enum Order {
    NAME(true, false),
    NAME_DESC(true, true),
    UPDATED(false, false),
    UPDATED_DESC(false, true);

    private final String allNotes;
    private final String padNotes;

    Order(boolean byName, boolean descending) {
      String direction = descending ? " DESC" : " ASC";
      String orderBy =
          " ORDER BY "
              + (byName ? "LOWER(n.name)" : "n.updatedAt")
              + direction
              + ", n.id"
              + direction;
      String list =
          "SELECT n.id, n.name, p.id, p.name, n.updatedAt FROM Note n LEFT JOIN n.pad p"
              + " WHERE n.owner = :owner";
      this.allNotes = list + orderBy;
      this.padNotes = list + " AND n.pad = :pad" + orderBy;
    }
  }

  /** What a list row is made of: only these columns are read, never the text. */
  @FunctionalInterface
  public interface Row<T> {
    T of(long id, String name, Long padId, String padName, Instant updatedAt);
  }

  private Notes() {}

  /** The note {@code noteId} with its pad, if it is one of {@code ownerId}'s; empty otherwise. */
  public static Optional<Note> find(EntityManager em, long ownerId, long noteId) {
    return Owned.find(em, Note.BY_ID_AND_OWNER, Note.class, ownerId, noteId);
  }

  /** How many notes {@code ownerId} has, in any pad or none. */
  public static long countOwnedBy(EntityManager em, long ownerId) {
    return em.createNamedQuery(Note.COUNT_OWNED_BY, Long.class)
        .setParameter("owner", em.getReference(User.class, ownerId))
        .getSingleResult();
  }

  /** How many notes are in {@code pad} (of its owner). */
  public static long countInPad(EntityManager em, Pad pad) {
    return em.createNamedQuery(Note.COUNT_IN_PAD, Long.class)
        .setParameter("pad", pad)
        .setParameter("owner", pad.getOwner())
        .getSingleResult();
  }

  /** Deletes the notes in {@code pad} (of its owner); returns how many there were. */
  public static int deleteInPad(EntityManager em, Pad pad) {
    return em.createNamedQuery(Note.DELETE_IN_PAD)
        .setParameter("pad", pad)
        .setParameter("owner", pad.getOwner())
        .executeUpdate();
  }

  /**
   * Rows {@code first} to {@code first + max - 1} of the notes of {@code ownerId} in {@code pad}
   * (null: in any pad or none), in {@code order}: one query, only the columns a list shows, no
   * entities. Its JPQL is one of eight fixed texts made once (two filters times four orders), which
   * EclipseLink parses once and then takes from its cache; a Criteria query was compiled again on
   * every call (a fifth of a list page's time).
   */
  public static <T> List<T> page(
      EntityManager em, long ownerId, Pad pad, Order order, int first, int max, Row<T> row) {
    TypedQuery<Object[]> query =
        em.createQuery(pad == null ? order.allNotes : order.padNotes, Object[].class)
            .setParameter("owner", em.getReference(User.class, ownerId));
    if (pad != null) {
      query.setParameter("pad", pad);
    }
    return query
        .setFirstResult(first)
        .setMaxResults(max)
        .getResultStream()
        .map(t -> row.of((Long) t[0], (String) t[1], (Long) t[2], (String) t[3], (Instant) t[4]))
        .toList();
  }
}
