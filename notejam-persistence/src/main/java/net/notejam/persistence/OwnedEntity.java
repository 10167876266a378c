package net.notejam.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;
import java.util.Objects;

/**
 * An {@link EditedEntity} that belongs to one user for good ({@code owner_id}): pads and notes.
 * Every query of them takes the owner (see {@link Owned}). Both can be in the trash ({@code
 * deleted_at}).
 */
@MappedSuperclass
public abstract class OwnedEntity extends EditedEntity {

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "owner_id", nullable = false, updatable = false)
  private User owner;

  /**
   * When the item went to the trash; null while it is not in it. A note that went with its pad has
   * the pad's own instant. Set and cleared by the bulk updates of {@link Notes} and {@link Pads},
   * so that trashing and restoring leave {@code updated_at} alone.
   */
  @Column(name = "deleted_at")
  private Instant deletedAt;

  protected OwnedEntity() {
    // for JPA
  }

  protected OwnedEntity(User owner) {
    this.owner = Objects.requireNonNull(owner);
  }

  public User getOwner() {
    return owner;
  }

  /** True while the item is in the trash. */
  public boolean isTrashed() {
    return deletedAt != null;
  }

  public Instant getDeletedAt() {
    return deletedAt;
  }
}
