package net.notejam.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.util.Objects;

/** A note of one user, optionally kept in one of that user's pads. */
@Entity
@Table(name = "notes")
public class Note extends OwnedEntity {

  static final String BY_ID_AND_OWNER = "Note.byIdAndOwner";
  static final String COUNT_OWNED_BY = "Note.countOwnedBy";
  static final String COUNT_IN_PAD = "Note.countInPad";
  static final String TRASH = "Note.trash";
  static final String TRASH_WITH_PAD = "Note.trashWithPad";
  static final String TRASHED_BY_ID_AND_OWNER = "Note.trashedByIdAndOwner";
  static final String TRASHED_OWNED_BY = "Note.trashedOwnedBy";
  static final String COUNT_TRASHED_WITH_PADS = "Note.countTrashedWithPads";
  static final String RESTORE = "Note.restore";
  static final String RESTORE_WITH_PAD = "Note.restoreWithPad";
  static final String TAKE_OUT_OF_PAD = "Note.takeOutOfPad";
  static final String DELETE_WITH_PAD = "Note.deleteWithPad";
  static final String TAKE_ALL_OUT_OF_PAD = "Note.takeAllOutOfPad";
  static final String TAKE_OUT_OF_TRASHED_PADS = "Note.takeOutOfTrashedPads";
  static final String PURGE_TRASHED_BEFORE = "Note.purgeTrashedBefore";
  static final String SEARCH_POSTGRESQL = "Note.searchPostgresql";
  static final String COUNT_MATCHING_POSTGRESQL = "Note.countMatchingPostgresql";
  static final String SEARCH_LIKE = "Note.searchLike";
  static final String COUNT_MATCHING_LIKE = "Note.countMatchingLike";
  static final String EXPORT_AFTER = "Note.exportAfter";
  static final String DELETE_OWNED_BY = "Note.deleteOwnedBy";
  static final String COUNT_SAME_IN_PAD = "Note.countSameInPad";
  static final String COUNT_SAME_IN_NO_PAD = "Note.countSameInNoPad";
  public static final int NAME_MAX_LENGTH = 100;
  public static final int TEXT_MAX_LENGTH = 100_000;

  @Id
  @SequenceGenerator(name = "note_ids", sequenceName = "note_ids", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "note_ids")
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "pad_id")
  private Pad pad;

  @Column(name = "name", nullable = false, length = NAME_MAX_LENGTH)
  private String name;

  @Column(name = "text", nullable = false, length = TEXT_MAX_LENGTH)
  private String text;

  protected Note() {
    // for JPA
  }

  /**
   * A new note of {@code owner}; {@code pad} may be null, and otherwise must belong to the owner.
   */
  public Note(User owner, Pad pad, String name, String text) {
    super(owner);
    moveTo(pad);
    edit(name, text);
  }

  public void edit(String newName, String newText) {
    this.name = Objects.requireNonNull(newName);
    this.text = Objects.requireNonNull(newText);
  }

  /** Puts the note in {@code target} (null: no pad). A pad of another user is refused. */
  public void moveTo(Pad target) {
    if (target != null && !Objects.equals(target.getOwner().getId(), getOwner().getId())) {
      throw new IllegalArgumentException("A note can only be put in a pad of its owner");
    }
    this.pad = target;
  }

  public Long getId() {
    return id;
  }

  public Pad getPad() {
    return pad;
  }

  public String getName() {
    return name;
  }

  public String getText() {
    return text;
  }
}
