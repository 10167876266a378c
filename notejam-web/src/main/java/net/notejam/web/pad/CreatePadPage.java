package net.notejam.web.pad;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import net.notejam.application.PadService;
import net.notejam.application.PadSummary;
import net.notejam.application.error.InvalidInput;
import net.notejam.web.Feedback;
import net.notejam.web.Navigation;
import net.notejam.web.routing.Routes;
import net.notejam.web.security.CurrentUser;

/** {@code /pads/create/}: a new pad, then its (empty) page. */
@Named
@RequestScoped
public class CreatePadPage extends PadFields {

  @Inject private PadService pads;
  @Inject private CurrentUser currentUser;

  public String save() {
    PadSummary pad;
    try {
      pad = pads.create(currentUser.getId(), getName());
    } catch (InvalidInput e) {
      Feedback.error(e.getMessage());
      return null;
    }
    return Navigation.redirectWithSuccess(Routes.PAD.path(pad.id()), "Pad is successfully created");
  }
}
