package net.notejam.persistence;

import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;
import java.util.Objects;

/**
 * An {@link EditedEntity} that belongs to one user for good ({@code owner_id}): pads and notes.
 * Every query of them takes the owner (see {@link Owned}).
 */
@MappedSuperclass
public abstract class OwnedEntity extends EditedEntity {

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "owner_id", nullable = false, updatable = false)
  private User owner;

  protected OwnedEntity() {
    // for JPA
  }

  protected OwnedEntity(User owner) {
    this.owner = Objects.requireNonNull(owner);
  }

  public User getOwner() {
    return owner;
  }
}
