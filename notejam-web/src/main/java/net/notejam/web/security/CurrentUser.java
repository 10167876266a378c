package net.notejam.web.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import net.notejam.web.security.SessionFormAuthenticationMechanism.SignedInUser;

/**
 * The signed-in user of this request, if any, for pages and backing beans: whom the sign-in
 * mechanism found for the request's cookie, read once per request.
 */
@Named
@RequestScoped
public class CurrentUser {

  @Inject private HttpServletRequest request;

  private Optional<SignedInUser> signedIn() {
    return SessionFormAuthenticationMechanism.signedIn(request);
  }

  /** True when someone is signed in. */
  public boolean isSignedIn() {
    return signedIn().isPresent();
  }

  /** The signed-in user's email, shown in the top bar; null for a visitor. */
  public String getEmail() {
    return signedIn().map(SignedInUser::email).orElse(null);
  }

  /** The signed-in user's id; only for pages that require a signed-in user. */
  public long getId() {
    return signedIn().orElseThrow(() -> new IllegalStateException("No user is signed in")).id();
  }

  /** The token of this request's sign-in (its cookie's); null for a visitor. */
  public String getSignInToken() {
    return signedIn().map(SignedInUser::token).orElse(null);
  }

  /** The token this sign-in's forms carry against cross-site posts; null for a visitor. */
  public String getFormToken() {
    return signedIn().map(SignedInUser::formToken).orElse(null);
  }
}
