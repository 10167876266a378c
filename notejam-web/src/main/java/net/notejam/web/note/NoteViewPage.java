package net.notejam.web.note;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import net.notejam.application.NoteDetails;
import net.notejam.application.NoteService;
import net.notejam.web.routing.PathParameters;
import net.notejam.web.security.CurrentUser;

/** {@code /notes/<id>/}: one note, its text as typed (escaped, line breaks kept). */
@Named
@RequestScoped
public class NoteViewPage {

  @Inject private NoteService notes;
  @Inject private CurrentUser currentUser;

  private NoteDetails note;

  /** Loads the note before the page renders (404 if it is not the user's). */
  public void load() {
    note = notes.get(currentUser.getId(), PathParameters.id());
  }

  public NoteDetails getNote() {
    return note;
  }
}
