package net.notejam.web.pad;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import net.notejam.application.PadService;
import net.notejam.application.PadSummary;
import net.notejam.web.EditedItem;
import net.notejam.web.Navigation;
import net.notejam.web.routing.PathParameters;
import net.notejam.web.routing.Routes;
import net.notejam.web.security.CurrentUser;

/** {@code /pads/<id>/edit/}: renames a pad, unless it was changed meanwhile elsewhere. */
@Named
@RequestScoped
public class EditPadPage extends PadFields {

  @Inject private PadService pads;
  @Inject private CurrentUser currentUser;

  private final EditedItem<PadSummary> edited =
      new EditedItem<>(
          () -> pads.get(currentUser.getId(), PathParameters.id()),
          PadSummary::version,
          stored -> setName(stored.name()));

  /** On the first display: fills the form (404 if the pad is not the user's). */
  public void load() {
    edited.show();
  }

  public String save() {
    return edited.save(
        () -> {
          PadSummary renamed =
              pads.rename(currentUser.getId(), PathParameters.id(), edited.getVersion(), getName());
          return Navigation.redirectWithSuccess(
              Routes.PAD.path(renamed.id()), "Pad is successfully updated");
        });
  }

  /** The pad as stored, for the title and links (404 if it is not the user's). */
  public PadSummary getPad() {
    return edited.stored();
  }

  /** The pad's version when the form was shown; sent back to detect renames made meanwhile. */
  public EditedItem<PadSummary> getEdited() {
    return edited;
  }
}
