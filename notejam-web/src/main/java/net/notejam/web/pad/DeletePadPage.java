package net.notejam.web.pad;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import net.notejam.application.PadService;
import net.notejam.application.PadSummary;
import net.notejam.web.Navigation;
import net.notejam.web.routing.PathParameters;
import net.notejam.web.routing.Routes;
import net.notejam.web.security.CurrentUser;

/** {@code /pads/<id>/delete/}: asks, then moves the pad and all its notes to the trash. */
@Named
@RequestScoped
public class DeletePadPage {

  @Inject private PadService pads;
  @Inject private CurrentUser currentUser;

  private PadSummary pad;

  /** Loads the pad to confirm (404 if it is not the user's). */
  public void load() {
    pad = pads.get(currentUser.getId(), PathParameters.id());
  }

  public String delete() {
    pads.delete(currentUser.getId(), PathParameters.id());
    return Navigation.redirectWithSuccess(Routes.HOME, "Pad is successfully deleted");
  }

  public PadSummary getPad() {
    return pad;
  }
}
