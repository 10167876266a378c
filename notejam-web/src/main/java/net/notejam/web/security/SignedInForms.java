package net.notejam.web.security;

import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseEvent;
import jakarta.faces.event.PhaseId;
import jakarta.faces.event.PhaseListener;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import net.notejam.web.FailureViews;
import net.notejam.web.security.SessionFormAuthenticationMechanism.SignedInUser;

/**
 * Cross-site request forgery protection for a signed-in user's forms. Their views keep no state (no
 * HTTP session, any instance takes the post), so the view state no longer tells a genuine post from
 * a forged one; instead each form carries its sign-in's form token (a random one per sign-in, kept
 * with it in the database) in the hidden field {@code notejam-form}, which another site cannot
 * read. A post without it, or with another sign-in's, gets the "please try again" page (403) right
 * after its view is built: nothing of the form is applied or run.
 *
 * <p>Checked here rather than in a filter like {@link VisitorForms}: Faces has read the post's
 * fields by now, also those of a file upload's multipart form.
 */
public final class SignedInForms implements PhaseListener {

  private static final long serialVersionUID = 1L;

  @Override
  public void afterPhase(PhaseEvent event) {
    FacesContext context = event.getFacesContext();
    HttpServletRequest request = (HttpServletRequest) context.getExternalContext().getRequest();
    if (!context.isPostback() || request.getAttribute(VisitorForms.TOKEN) != null) {
      return; // a page shown, or a visitors' form, which VisitorForms checked
    }
    Optional<String> expected =
        SessionFormAuthenticationMechanism.signedIn(request).map(SignedInUser::formToken);
    String given = context.getExternalContext().getRequestParameterMap().get(VisitorForms.TOKEN);
    if (expected.isEmpty() || !VisitorForms.same(expected.get(), given)) {
      FailureViews.renderExpired(context);
    }
  }

  @Override
  public void beforePhase(PhaseEvent event) {
    // Nothing before the view is built.
  }

  @Override
  public PhaseId getPhaseId() {
    return PhaseId.RESTORE_VIEW;
  }
}
