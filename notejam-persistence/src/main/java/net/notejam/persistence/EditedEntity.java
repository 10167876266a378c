package net.notejam.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import java.time.Instant;

/**
 * A {@link VersionedEntity} whose lists show when it last changed ({@code updated_at}): pads and
 * notes. A new one counts as changed when it was created.
 */
@MappedSuperclass
public abstract class EditedEntity extends VersionedEntity {

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  /** Runs after {@link VersionedEntity#stampCreation()}: superclass callbacks come first. */
  @PrePersist
  void stampFirstEdit() {
    if (updatedAt == null) {
      updatedAt = getCreatedAt();
    }
  }

  /**
   * An imported pad or note keeps the times of the export it came from: call before it is first
   * stored (persisted); later edits stamp the update time as always.
   */
  public void keepTimes(Instant created, Instant updated) {
    keepCreatedAt(created);
    updatedAt = updated;
  }

  @PreUpdate
  void stampEdit() {
    updatedAt = Instant.now();
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }
}
