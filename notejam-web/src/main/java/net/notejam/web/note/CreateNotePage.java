package net.notejam.web.note;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import net.notejam.application.NoteDetails;
import net.notejam.application.NoteService;
import net.notejam.application.error.InvalidInput;
import net.notejam.web.Feedback;
import net.notejam.web.Navigation;
import net.notejam.web.PadsColumn;
import net.notejam.web.routing.Routes;
import net.notejam.web.security.CurrentUser;

/** {@code /notes/create/}: a new note, in the pad of {@code ?pad=} when that is one's own. */
@Named
@RequestScoped
public class CreateNotePage extends NoteFields {

  @Inject private NoteService notes;
  @Inject private CurrentUser currentUser;
  @Inject private PadsColumn pads;
  @Inject private FacesContext faces;

  /** On the first display: preselects the pad the list page asked for, if it is the user's. */
  public void load() {
    String pad = faces.getExternalContext().getRequestParameterMap().get("pad");
    if (pad != null && pad.matches("[0-9]{1,18}")) {
      long id = Long.parseLong(pad);
      if (pads.getPads().stream().anyMatch(p -> p.id() == id)) {
        setPadId(id);
      }
    }
  }

  public String save() {
    NoteDetails note;
    try {
      note = notes.create(currentUser.getId(), getPadId(), getName(), getText());
    } catch (InvalidInput e) {
      Feedback.error(e.getMessage());
      return null;
    }
    return Navigation.redirectWithSuccess(
        Routes.notesOf(note.padId()), "Note is successfully created");
  }
}
