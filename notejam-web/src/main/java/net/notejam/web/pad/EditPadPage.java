package net.notejam.web.pad;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import net.notejam.application.PadService;
import net.notejam.application.PadSummary;
import net.notejam.application.error.EditConflict;
import net.notejam.application.error.InvalidInput;
import net.notejam.web.Feedback;
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

  /** The pad's version when the form was shown; sent back to detect renames made meanwhile. */
  private long version;

  private PadSummary pad;

  /** On the first display: fills the form (404 if the pad is not the user's). */
  public void load() {
    show(getPad());
  }

  public String save() {
    PadSummary renamed;
    try {
      renamed = pads.rename(currentUser.getId(), PathParameters.id(), version, getName());
    } catch (EditConflict e) {
      Feedback.error(e.getMessage());
      show(pads.get(currentUser.getId(), PathParameters.id()));
      return null;
    } catch (InvalidInput e) {
      Feedback.error(e.getMessage());
      return null;
    }
    Feedback.success("Pad is successfully updated");
    return Navigation.redirect(Routes.PAD.path(renamed.id()));
  }

  private void show(PadSummary stored) {
    pad = stored;
    setName(stored.name());
    version = stored.version();
  }

  /** The pad as stored, for the title and links (404 if it is not the user's). */
  public PadSummary getPad() {
    if (pad == null) {
      pad = pads.get(currentUser.getId(), PathParameters.id());
    }
    return pad;
  }

  public long getVersion() {
    return version;
  }

  public void setVersion(long version) {
    this.version = version;
  }
}
