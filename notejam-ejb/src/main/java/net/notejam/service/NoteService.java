package net.notejam.service;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import net.notejam.persistence.Note;
import net.notejam.persistence.User;

/** Notes of the signed-in user. Every method takes the owner's id and sees only their notes. */
@Stateless
public class NoteService {

  @PersistenceContext(unitName = "notejam")
  private EntityManager em;

  /** How many notes the user {@code ownerId} has. */
  public long countAll(long ownerId) {
    return em.createNamedQuery(Note.COUNT_OWNED_BY, Long.class)
        .setParameter("owner", em.getReference(User.class, ownerId))
        .getSingleResult();
  }
}
