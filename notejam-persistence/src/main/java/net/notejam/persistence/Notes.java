package net.notejam.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.JoinType;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
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

    private final boolean byName;
    private final boolean descending;

    Order(boolean byName, boolean descending) {
      this.byName = byName;
      this.descending = descending;
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
   * (null: in any pad or none), in {@code order}. Built with the Criteria API, not by joining
   * strings: one query, four orders.
   */
  public static <T> List<T> page(
      EntityManager em, long ownerId, Pad pad, Order order, int first, int max, Row<T> row) {
    CriteriaBuilder cb = em.getCriteriaBuilder();
    CriteriaQuery<Tuple> query = cb.createTupleQuery();
    Root<Note> n = query.from(Note.class);
    Join<Note, Pad> p = n.join("pad", JoinType.LEFT);
    query.multiselect(n.get("id"), n.get("name"), p.get("id"), p.get("name"), n.get("updatedAt"));
    Predicate owned = cb.equal(n.get("owner"), em.getReference(User.class, ownerId));
    query.where(pad == null ? owned : cb.and(owned, cb.equal(n.get("pad"), pad)));
    Expression<?> key = order.byName ? cb.lower(n.get("name")) : n.get("updatedAt");
    query.orderBy(
        order.descending ? cb.desc(key) : cb.asc(key),
        order.descending ? cb.desc(n.get("id")) : cb.asc(n.get("id")));
    return em.createQuery(query)
        .setFirstResult(first)
        .setMaxResults(max)
        .getResultStream()
        .map(
            t ->
                row.of(
                    t.get(0, Long.class),
                    t.get(1, String.class),
                    t.get(2, Long.class),
                    t.get(3, String.class),
                    t.get(4, Instant.class)))
        .toList();
  }
}
