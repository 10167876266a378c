package net.notejam.web.note;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import net.notejam.application.Names;
import net.notejam.web.FormMessages;

/** The fields of the note form, shared by the create and edit pages. */
public abstract class NoteFields {

  @NotBlank(message = FormMessages.REQUIRED)
  @Size(max = Names.NAME_MAX_LENGTH, message = FormMessages.NAME_TOO_LONG)
  private String name;

  @NotBlank(message = FormMessages.REQUIRED)
  @Size(max = Names.TEXT_MAX_LENGTH, message = FormMessages.TEXT_TOO_LONG)
  private String text;

  /** One of the user's pads, or null for "No pad"; the select only offers the user's own. */
  private Long padId;

  /** Where a note lands after it is saved or deleted: its pad's page, or all notes. */
  static String listOf(Long padId) {
    return padId == null ? "/" : "/pads/" + padId + "/";
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getText() {
    return text;
  }

  public void setText(String text) {
    this.text = text;
  }

  public Long getPadId() {
    return padId;
  }

  public void setPadId(Long padId) {
    this.padId = padId;
  }
}
