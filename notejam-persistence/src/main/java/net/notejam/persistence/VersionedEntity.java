package net.notejam.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * What every entity a person changes keeps: when it was created, and a version for optimistic
 * locking, so that two tabs changing the same row never overwrite each other silently. The columns
 * ({@code created_at}, {@code version}) are in each entity's own table. {@link PasswordResetToken}
 * is not one: nobody edits a link, and it is created at the instant its expiry counts from.
 */
@MappedSuperclass
public abstract class VersionedEntity {

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  /** Now, unless an import gave the time it was created ({@link EditedEntity#keepTimes}). */
  @PrePersist
  void stampCreation() {
    if (createdAt == null) {
      createdAt = Instant.now();
    }
  }

  /**
   * For an imported item, before it is first stored: the time it was created where it came from.
   */
  void keepCreatedAt(Instant at) {
    if (createdAt != null) {
      throw new IllegalStateException("Already stored; its creation time stays");
    }
    createdAt = at;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public long getVersion() {
    return version;
  }
}
