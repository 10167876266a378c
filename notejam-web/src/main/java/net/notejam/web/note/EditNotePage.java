package net.notejam.web.note;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import net.notejam.application.NoteDetails;
import net.notejam.application.NoteService;
import net.notejam.application.error.EditConflict;
import net.notejam.application.error.InvalidInput;
import net.notejam.web.Feedback;
import net.notejam.web.Navigation;
import net.notejam.web.routing.PathParameters;
import net.notejam.web.routing.Routes;
import net.notejam.web.security.CurrentUser;

/** {@code /notes/<id>/edit/}: changes a note, or moves it to another of the user's pads. */
@Named
@RequestScoped
public class EditNotePage extends NoteFields {

  @Inject private NoteService notes;
  @Inject private CurrentUser currentUser;

  /** The note's version when the form was shown; sent back to detect edits made meanwhile. */
  private long version;

  private NoteDetails note;

  /** On the first display: fills the form with the note (404 if it is not the user's). */
  public void load() {
    show(notes.get(currentUser.getId(), PathParameters.id()));
  }

  public String save() {
    long id = PathParameters.id();
    try {
      NoteDetails saved =
          notes.update(currentUser.getId(), id, version, getPadId(), getName(), getText());
      Feedback.success("Note is successfully updated");
      return Navigation.redirect(Routes.notesOf(saved.padId()));
    } catch (EditConflict e) {
      Feedback.error(e.getMessage());
      show(notes.get(currentUser.getId(), id));
    } catch (InvalidInput e) {
      Feedback.error(e.getMessage());
    }
    return null;
  }

  private void show(NoteDetails details) {
    note = details;
    setName(details.name());
    setText(details.text());
    setPadId(details.padId());
    version = details.version();
  }

  /** The note as stored (for the page title), loaded on first display and after a conflict. */
  public NoteDetails getNote() {
    if (note == null) {
      note = notes.get(currentUser.getId(), PathParameters.id());
    }
    return note;
  }

  public long getVersion() {
    return version;
  }

  public void setVersion(long version) {
    this.version = version;
  }
}
