package net.notejam.web.note;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import net.notejam.application.NoteDetails;
import net.notejam.application.NoteService;
import net.notejam.web.EditedItem;
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

  private final EditedItem<NoteDetails> edited =
      new EditedItem<>(
          () -> notes.get(currentUser.getId(), PathParameters.id()),
          NoteDetails::version,
          this::fill);

  /** On the first display: fills the form with the note (404 if it is not the user's). */
  public void load() {
    edited.show();
  }

  public String save() {
    return edited.save(
        () -> {
          NoteDetails saved =
              notes.update(
                  currentUser.getId(),
                  PathParameters.id(),
                  edited.getVersion(),
                  getPadId(),
                  getName(),
                  getText());
          return Navigation.redirectWithSuccess(
              Routes.notesOf(saved.padId()), "Note is successfully updated");
        });
  }

  private void fill(NoteDetails details) {
    setName(details.name());
    setText(details.text());
    setPadId(details.padId());
  }

  /** The note as stored (for the page title), loaded on first display and after a conflict. */
  public NoteDetails getNote() {
    return edited.stored();
  }

  /** The note's version when the form was shown; sent back to detect edits made meanwhile. */
  public EditedItem<NoteDetails> getEdited() {
    return edited;
  }
}
