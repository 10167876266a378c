package net.notejam.persistence;

import jakarta.persistence.EntityManager;
import java.util.Optional;

/**
 * Runs a "this id, if it is this user's" named query: every such query takes {@code id} and {@code
 * owner}, so that the owner is never left out.
 */
final class Owned {

  private Owned() {}

  static <T> Optional<T> find(
      EntityManager em, String query, Class<T> type, long ownerId, long id) {
    return em.createNamedQuery(query, type)
        .setParameter("id", id)
        .setParameter("owner", em.getReference(User.class, ownerId))
        .getResultStream()
        .findFirst();
  }
}
