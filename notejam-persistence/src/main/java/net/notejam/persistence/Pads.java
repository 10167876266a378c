package net.notejam.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The queries for pads; each one is limited to one owner's pads, except the purge job's. Pads in
 * the trash are left out of all but the trash's own.
 */
public final class Pads {

  private Pads() {}

  /** The pads of user {@code ownerId}, by name (ignoring case), then by id. */
  public static List<Pad> ownedBy(EntityManager em, long ownerId) {
    return em.createNamedQuery(Pad.OWNED_BY, Pad.class)
        .setParameter("owner", em.getReference(User.class, ownerId))
        .getResultList();
  }

  /** The pad {@code padId} if it is one of {@code ownerId}'s; empty otherwise. */
  public static Optional<Pad> find(EntityManager em, long ownerId, long padId) {
    return Owned.find(em, Pad.BY_ID_AND_OWNER, Pad.class, ownerId, padId);
  }

  /** Puts {@code pad} in the trash at {@code now} (its notes: {@link Notes#trashWithPad}). */
  public static void trash(EntityManager em, Pad pad, Instant now) {
    of(em, Pad.TRASH, pad).setParameter("now", now).executeUpdate();
  }

  /** The pad {@code padId} if it is one of {@code ownerId}'s in the trash; empty otherwise. */
  public static Optional<Pad> findTrashed(EntityManager em, long ownerId, long padId) {
    return Owned.find(em, Pad.TRASHED_BY_ID_AND_OWNER, Pad.class, ownerId, padId);
  }

  /** The pads of {@code ownerId} in the trash. */
  public static List<Pad> trashed(EntityManager em, long ownerId) {
    return em.createNamedQuery(Pad.TRASHED_OWNED_BY, Pad.class)
        .setParameter("owner", em.getReference(User.class, ownerId))
        .getResultList();
  }

  /** Takes {@code pad} out of the trash (its notes: {@link Notes#restoreWithPad}). */
  public static void restore(EntityManager em, Pad pad) {
    of(em, Pad.RESTORE, pad).executeUpdate();
  }

  /** The named query {@code name} for {@code pad}, within its owner's pads. */
  private static Query of(EntityManager em, String name, Pad pad) {
    return em.createNamedQuery(name)
        .setParameter("id", pad.getId())
        .setParameter("owner", pad.getOwner());
  }

  /**
   * For the purge job, over every user: deletes the pads trashed before {@code before}, once {@link
   * Notes#purgeTrashedBefore} has dealt with their notes; returns how many.
   */
  public static int purgeTrashedBefore(EntityManager em, Instant before) {
    return em.createNamedQuery(Pad.PURGE_TRASHED_BEFORE)
        .setParameter("before", before)
        .executeUpdate();
  }
}
