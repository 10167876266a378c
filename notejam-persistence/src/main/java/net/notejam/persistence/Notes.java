package net.notejam.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The queries for notes; each one is limited to one owner's notes, except the purge job's. Notes in
 * the trash are left out of all but the trash's own.
 */
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
              + " WHERE n.owner = :owner AND n.deletedAt IS NULL";
      this.allNotes = list + orderBy;
      this.padNotes = list + " AND n.pad = :pad" + orderBy;
    }
  }

  /**
   * What a list row is made of: only these columns are read, never the text; {@code at} is the
   * instant the list shows (last updated, or in the trash: deleted).
   */
  @FunctionalInterface
  public interface Row<T> {
    T of(long id, String name, Long padId, String padName, Instant at);
  }

  /** The row of a list query's columns: note id, name, pad id, pad name and the instant. */
  private static <T> T row(Row<T> row, Object[] columns) {
    return row.of(
        (Long) columns[0],
        (String) columns[1],
        (Long) columns[2],
        (String) columns[3],
        (Instant) columns[4]);
  }

  private Notes() {}

  /** The note {@code noteId} with its pad, if it is one of {@code ownerId}'s; empty otherwise. */
  public static Optional<Note> find(EntityManager em, long ownerId, long noteId) {
    return Owned.find(em, Note.BY_ID_AND_OWNER, Note.class, ownerId, noteId);
  }

  /** How many notes {@code ownerId} has, in any pad or none (the trash not counted). */
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

  /** Puts the note {@code noteId} of {@code ownerId} in the trash at {@code now}. */
  public static void trash(EntityManager em, long ownerId, long noteId, Instant now) {
    byIdAndOwner(em, Note.TRASH, ownerId, noteId).setParameter("now", now).executeUpdate();
  }

  /**
   * Puts the notes in {@code pad} in the trash with it at {@code now}, the pad's own instant, which
   * marks them as gone with the pad; returns how many.
   */
  public static int trashWithPad(EntityManager em, Pad pad, Instant now) {
    return inPad(em, Note.TRASH_WITH_PAD, pad).setParameter("now", now).executeUpdate();
  }

  /**
   * The note {@code noteId} if it is one of {@code ownerId}'s in the trash on its own (not with its
   * pad); empty otherwise.
   */
  public static Optional<Note> findTrashed(EntityManager em, long ownerId, long noteId) {
    return Owned.find(em, Note.TRASHED_BY_ID_AND_OWNER, Note.class, ownerId, noteId);
  }

  /** The notes of {@code ownerId} in the trash on their own, as {@code row} makes them. */
  public static <T> List<T> trashed(EntityManager em, long ownerId, Row<T> row) {
    return em.createNamedQuery(Note.TRASHED_OWNED_BY, Object[].class)
        .setParameter("owner", em.getReference(User.class, ownerId))
        .getResultStream()
        .map(columns -> row(row, columns))
        .toList();
  }

  /** How many notes went to the trash with each trashed pad of {@code ownerId}, by pad id. */
  public static Map<Long, Long> countTrashedWithPads(EntityManager em, long ownerId) {
    return em.createNamedQuery(Note.COUNT_TRASHED_WITH_PADS, Object[].class)
        .setParameter("owner", em.getReference(User.class, ownerId))
        .getResultStream()
        .collect(Collectors.toMap(t -> (Long) t[0], t -> (Long) t[1]));
  }

  /** Takes the note {@code noteId} of {@code ownerId} out of the trash. */
  public static void restore(EntityManager em, long ownerId, long noteId) {
    byIdAndOwner(em, Note.RESTORE, ownerId, noteId).executeUpdate();
  }

  /**
   * Takes the notes that went to the trash with {@code pad} (still in it) out of it; returns how
   * many.
   */
  public static int restoreWithPad(EntityManager em, Pad pad) {
    return inPad(em, Note.RESTORE_WITH_PAD, pad)
        .setParameter("deletedAt", pad.getDeletedAt())
        .executeUpdate();
  }

  /** Leaves the note {@code noteId} of {@code ownerId} in no pad. */
  public static void takeOutOfPad(EntityManager em, long ownerId, long noteId) {
    byIdAndOwner(em, Note.TAKE_OUT_OF_PAD, ownerId, noteId).executeUpdate();
  }

  /**
   * Before {@code pad} is deleted for good: deletes the notes that went to the trash with it and
   * leaves any other note of it in no pad; returns how many were deleted.
   */
  public static int deleteWithPad(EntityManager em, Pad pad) {
    int deleted =
        inPad(em, Note.DELETE_WITH_PAD, pad)
            .setParameter("deletedAt", pad.getDeletedAt())
            .executeUpdate();
    inPad(em, Note.TAKE_ALL_OUT_OF_PAD, pad).executeUpdate();
    return deleted;
  }

  /**
   * For the purge job, over every user: deletes the notes trashed before {@code before} and leaves
   * the other notes of pads trashed before then in no pad, so that those pads can go; returns how
   * many notes were deleted.
   */
  public static int purgeTrashedBefore(EntityManager em, Instant before) {
    int deleted =
        em.createNamedQuery(Note.PURGE_TRASHED_BEFORE)
            .setParameter("before", before)
            .executeUpdate();
    em.createNamedQuery(Note.TAKE_OUT_OF_TRASHED_PADS)
        .setParameter("before", before)
        .executeUpdate();
    return deleted;
  }

  /** A note with every field, as an export writes it. */
  @FunctionalInterface
  public interface Exported<T> {
    T of(long id, String name, String text, Long padId, Instant createdAt, Instant updatedAt);
  }

  /**
   * Up to {@code max} notes of {@code ownerId} (not in the trash) with ids above {@code afterId},
   * by id, text included: a page of an export, which reads every note a page at a time.
   */
  public static <T> List<T> exportAfter(
      EntityManager em, long ownerId, long afterId, int max, Exported<T> note) {
    return em.createNamedQuery(Note.EXPORT_AFTER, Object[].class)
        .setParameter("owner", em.getReference(User.class, ownerId))
        .setParameter("after", afterId)
        .setMaxResults(max)
        .getResultStream()
        .map(
            c ->
                note.of(
                    (Long) c[0],
                    (String) c[1],
                    (String) c[2],
                    (Long) c[3],
                    (Instant) c[4],
                    (Instant) c[5]))
        .toList();
  }

  /**
   * True when {@code ownerId} has a note (not in the trash) named {@code name} with exactly {@code
   * text} in {@code pad} (null: in none).
   */
  public static boolean existsUnchanged(
      EntityManager em, long ownerId, Pad pad, String name, String text) {
    TypedQuery<Long> query =
        em.createNamedQuery(
                pad == null ? Note.COUNT_SAME_IN_NO_PAD : Note.COUNT_SAME_IN_PAD, Long.class)
            .setParameter("owner", em.getReference(User.class, ownerId))
            .setParameter("name", name)
            .setParameter("text", text);
    if (pad != null) {
      query.setParameter("pad", pad);
    }
    return query.getSingleResult() > 0;
  }

  private static Query byIdAndOwner(EntityManager em, String name, long ownerId, long noteId) {
    return em.createNamedQuery(name)
        .setParameter("id", noteId)
        .setParameter("owner", em.getReference(User.class, ownerId));
  }

  private static Query inPad(EntityManager em, String name, Pad pad) {
    return em.createNamedQuery(name).setParameter("pad", pad).setParameter("owner", pad.getOwner());
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
        .map(columns -> row(row, columns))
        .toList();
  }
}
