package net.notejam.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.util.Objects;

/** A named group of notes, owned by one user. */
@Entity
@Table(name = "pads")
public class Pad extends OwnedEntity {

  static final String OWNED_BY = "Pad.ownedBy";
  static final String BY_ID_AND_OWNER = "Pad.byIdAndOwner";
  static final String TRASH = "Pad.trash";
  static final String TRASHED_BY_ID_AND_OWNER = "Pad.trashedByIdAndOwner";
  static final String TRASHED_OWNED_BY = "Pad.trashedOwnedBy";
  static final String RESTORE = "Pad.restore";
  static final String PURGE_TRASHED_BEFORE = "Pad.purgeTrashedBefore";
  static final String DELETE_OWNED_BY = "Pad.deleteOwnedBy";
  public static final int NAME_MAX_LENGTH = 100;

  @Id
  @SequenceGenerator(name = "pad_ids", sequenceName = "pad_ids", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "pad_ids")
  private Long id;

  @Column(name = "name", nullable = false, length = NAME_MAX_LENGTH)
  private String name;

  protected Pad() {
    // for JPA
  }

  public Pad(User owner, String name) {
    super(owner);
    this.name = Objects.requireNonNull(name);
  }

  public void rename(String newName) {
    this.name = Objects.requireNonNull(newName);
  }

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }
}
