package net.notejam.web.pad;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Map;
import net.notejam.application.NoteService;
import net.notejam.application.PadService;
import net.notejam.application.PadSummary;
import net.notejam.web.note.NoteListing;
import net.notejam.web.routing.PathParameters;
import net.notejam.web.routing.Routes;
import net.notejam.web.security.CurrentUser;

/** {@code /pads/<id>/}: the notes of one pad, a page at a time. */
@Named
@RequestScoped
public class PadPage {

  @Inject private PadService pads;
  @Inject private NoteService notes;
  @Inject private CurrentUser currentUser;
  @Inject private FacesContext faces;

  private PadSummary pad;
  private NoteListing listing;

  /** Loads the pad and one page of its notes before rendering (404 if not the user's). */
  public void load() {
    long padId = PathParameters.id();
    pad = pads.get(currentUser.getId(), padId);
    Map<String, String> query = faces.getExternalContext().getRequestParameterMap();
    String path = Routes.PAD.path(padId);
    listing =
        NoteListing.of(
            path,
            notes.listInPad(
                currentUser.getId(),
                padId,
                NoteListing.order(query.get("order")),
                NoteListing.pageNumber(query.get("page"))),
            Routes.newNoteIn(padId),
            false);
  }

  public PadSummary getPad() {
    return pad;
  }

  public NoteListing getListing() {
    return listing;
  }

  public String getTitle() {
    return pad.name() + " (" + listing.getPage().total() + ")";
  }
}
