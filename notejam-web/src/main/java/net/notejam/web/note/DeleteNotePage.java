package net.notejam.web.note;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import net.notejam.application.NoteDetails;
import net.notejam.application.NoteService;
import net.notejam.web.Navigation;
import net.notejam.web.routing.PathParameters;
import net.notejam.web.routing.Routes;
import net.notejam.web.security.CurrentUser;

/** {@code /notes/<id>/delete/}: asks, then moves the note to the trash. */
@Named
@RequestScoped
public class DeleteNotePage {

  @Inject private NoteService notes;
  @Inject private CurrentUser currentUser;

  private NoteDetails note;

  /** Loads the note to confirm (404 if it is not the user's). */
  public void load() {
    note = notes.get(currentUser.getId(), PathParameters.id());
  }

  public String delete() {
    NoteDetails deleted = notes.delete(currentUser.getId(), PathParameters.id());
    return Navigation.redirectWithSuccess(
        Routes.notesOf(deleted.padId()), "Note is successfully deleted");
  }

  public NoteDetails getNote() {
    return note;
  }
}
