package net.notejam.persistence;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;

/** The queries for pads; each one is limited to one owner's pads. */
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
}
