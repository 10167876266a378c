package net.notejam.web.note;

import static net.notejam.application.input.InputRule.NOTE_NAME;
import static net.notejam.application.input.InputRule.NOTE_TEXT;

import net.notejam.application.input.Input;

/** The fields of the note form, shared by the create and edit pages. */
public abstract class NoteFields {

  @Input(NOTE_NAME)
  private String name;

  @Input(NOTE_TEXT)
  private String text;

  /** One of the user's pads, or null for "No pad"; the select only offers the user's own. */
  private Long padId;

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
