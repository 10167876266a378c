package net.notejam.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import net.notejam.web.routing.Routes;

/**
 * Form sign-in at {@code /signin/} that remembers the signed-in user in the HTTP session, which
 * lives in PostgreSQL: any instance can serve the next request, also one started after the user
 * signed in (the container's own form mechanism remembers users in memory of one server). A visitor
 * asking for a page that needs an account is redirected to the sign-in page and, once signed in,
 * sent on to that page. Every page needs an account except those {@link Routes} says are for
 * visitors; web.xml has no security constraints, this mechanism is the gate.
 */
@ApplicationScoped
public class SessionFormAuthenticationMechanism implements HttpAuthenticationMechanism {

  static final String SIGNED_IN = "notejam.signedInEmail";
  static final String SIGNED_IN_ID = "notejam.signedInId";
  static final String ASKED_FOR = "notejam.askedFor";

  @Inject private IdentityStoreHandler identityStores;

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    Credential credential = context.getAuthParameters().getCredential();
    if (credential != null) {
      return signIn(request, context, credential);
    }
    HttpSession session = request.getSession(false);
    Object email = session == null ? null : session.getAttribute(SIGNED_IN);
    if (email instanceof String signedIn) {
      return context.notifyContainerAboutLogin(signedIn, NotejamIdentityStore.GROUPS);
    }
    if (context.isProtected() || !Routes.isForVisitors(pathOf(request))) {
      String asked = request.getRequestURI();
      if (request.getQueryString() != null) {
        asked += "?" + request.getQueryString();
      }
      request.getSession(true).setAttribute(ASKED_FOR, asked);
      return context.redirect(request.getContextPath() + Routes.SIGN_IN);
    }
    return context.doNothing();
  }

  /**
   * The path asked for as the container maps it (decoded, dot segments resolved), so that no
   * spelling of a page's URL passes for a visitor page.
   */
  private static String pathOf(HttpServletRequest request) {
    String pathInfo = request.getPathInfo();
    return request.getServletPath() + (pathInfo == null ? "" : pathInfo);
  }

  private AuthenticationStatus signIn(
      HttpServletRequest request, HttpMessageContext context, Credential credential) {
    CredentialValidationResult result = identityStores.validate(credential);
    if (result.getStatus() != CredentialValidationResult.Status.VALID) {
      return AuthenticationStatus.SEND_FAILURE;
    }
    request.getSession(true);
    request.changeSessionId(); // no session fixation: a new id for the signed-in session
    request.getSession().setAttribute(SIGNED_IN, result.getCallerPrincipal().getName());
    request.getSession().setAttribute(SIGNED_IN_ID, Long.valueOf(result.getCallerUniqueId()));
    return context.notifyContainerAboutLogin(result);
  }

  @Override
  public void cleanSubject(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.removeAttribute(SIGNED_IN);
      session.removeAttribute(SIGNED_IN_ID);
    }
  }

  /** The signed-in user's id, kept in the session at sign-in; null for a visitor. */
  public static Long signedInId(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    Object id = session == null ? null : session.getAttribute(SIGNED_IN_ID);
    return id instanceof Long l ? l : null;
  }

  /**
   * The page a visitor asked for before being sent to sign in, once (then forgotten); only a path
   * of this application, never another site.
   */
  public static String takeAskedFor(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return null;
    }
    Object asked = session.getAttribute(ASKED_FOR);
    session.removeAttribute(ASKED_FOR);
    return asked instanceof String uri
        ? Routes.localPath(uri, request.getContextPath()).orElse(null)
        : null;
  }
}
