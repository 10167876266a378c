package net.notejam.application;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.function.Consumer;
import net.notejam.application.error.EditConflict;
import net.notejam.infrastructure.ActivityCounters;
import net.notejam.infrastructure.ActivityCounters.Activity;
import net.notejam.persistence.VersionedEntity;

/**
 * What the services of this package work with: the persistence context of the unit {@code notejam}
 * (joined to the transaction of the {@code @Stateless} service's method), and the activity counters
 * they count in. The methods that only read are {@code SUPPORTS}: they start no transaction of
 * their own, so their selects go without a BEGIN and a COMMIT each (README "Performance").
 */
public abstract class ApplicationService {

  @PersistenceContext(unitName = "notejam")
  EntityManager em;

  @Inject ActivityCounters counters;

  /**
   * Applies {@code edit} to {@code item} if the item is still at {@code expectedVersion}, the
   * version its form was filled from, and writes it at once, so that the item's new version is
   * known; counts {@code activity}. {@link EditConflict} (naming the item {@code what}) when it was
   * changed since, before anything is applied.
   */
  <T extends VersionedEntity> T edit(
      T item, long expectedVersion, String what, Activity activity, Consumer<T> edit) {
    if (item.getVersion() != expectedVersion) {
      throw new EditConflict(what);
    }
    edit.accept(item);
    em.flush();
    counters.count(activity);
    return item;
  }
}
