package net.notejam.web.note;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Map;
import net.notejam.application.NoteService;
import net.notejam.web.routing.Routes;
import net.notejam.web.security.CurrentUser;

/** {@code /}: all notes of the signed-in user, a page at a time, in the order asked for. */
@Named
@RequestScoped
public class AllNotesPage {

  @Inject private NoteService notes;
  @Inject private CurrentUser currentUser;
  @Inject private FacesContext faces;

  private NoteListing listing;

  /** Loads the page of notes before rendering, so that a failure shows the error page cleanly. */
  public void load() {
    getListing();
  }

  public NoteListing getListing() {
    if (listing == null) {
      Map<String, String> query = faces.getExternalContext().getRequestParameterMap();
      listing =
          NoteListing.of(
              Routes.HOME,
              notes.listAll(
                  currentUser.getId(),
                  NoteListing.order(query.get("order")),
                  NoteListing.pageNumber(query.get("page"))),
              Routes.NEW_NOTE,
              true);
    }
    return listing;
  }

  public String getTitle() {
    return "All notes (" + getListing().getPage().total() + ")";
  }
}
