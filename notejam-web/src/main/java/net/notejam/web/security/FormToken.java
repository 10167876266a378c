package net.notejam.web.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The token for a form's hidden field {@code notejam-form}: {@code #{formToken.value}}. On a
 * visitors' page the double-submit token of {@link VisitorForms}; on a signed-in user's page their
 * sign-in's form token, which {@link SignedInForms} checks.
 */
@Named
@RequestScoped
public class FormToken {

  @Inject private HttpServletRequest request;
  @Inject private CurrentUser currentUser;

  public String getValue() {
    if (request.getAttribute(VisitorForms.TOKEN) instanceof String visitors) {
      return visitors;
    }
    return currentUser.getFormToken();
  }
}
