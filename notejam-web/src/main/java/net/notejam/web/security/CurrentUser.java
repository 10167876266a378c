package net.notejam.web.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The signed-in user of this request, if any, for pages and backing beans: whom the sign-in
 * mechanism found in the session, without a database query, so that even an error page shown while
 * the database is away knows who is signed in.
 */
@Named
@RequestScoped
public class CurrentUser {

  @Inject private HttpServletRequest request;

  /** True when someone is signed in. */
  public boolean isSignedIn() {
    return getEmail() != null && SessionFormAuthenticationMechanism.signedInId(request) != null;
  }

  /** The signed-in user's email, shown in the top bar. */
  public String getEmail() {
    return SessionFormAuthenticationMechanism.signedInEmail(request);
  }

  /** The signed-in user's id; only for pages that require a signed-in user. */
  public long getId() {
    Long id = SessionFormAuthenticationMechanism.signedInId(request);
    if (id == null) {
      throw new IllegalStateException("No user is signed in");
    }
    return id;
  }

  /**
   * After the signed-in user changed their password (now at {@code credentialsVersion}): this
   * session stays signed in, while every other session of theirs ends.
   */
  public void keepAfterPasswordChange(long credentialsVersion) {
    SessionFormAuthenticationMechanism.keepAfterPasswordChange(request, credentialsVersion);
  }
}
