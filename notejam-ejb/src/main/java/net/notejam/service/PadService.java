package net.notejam.service;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import net.notejam.persistence.Pad;
import net.notejam.persistence.User;

/** Pads of the signed-in user. Every method takes the owner's id and sees only their pads. */
@Stateless
public class PadService {

  @PersistenceContext(unitName = "notejam")
  private EntityManager em;

  /** The pads of user {@code ownerId}, by name, for the "My pads" column. */
  public List<PadSummary> listAll(long ownerId) {
    return em.createNamedQuery(Pad.OWNED_BY, Pad.class)
        .setParameter("owner", em.getReference(User.class, ownerId))
        .getResultStream()
        .map(PadSummary::of)
        .toList();
  }
}
