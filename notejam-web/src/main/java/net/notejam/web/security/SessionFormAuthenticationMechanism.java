package net.notejam.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;
import net.notejam.application.AccountService;
import net.notejam.application.Throttle;
import net.notejam.web.routing.Routes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Form sign-in at {@code /signin/} that remembers the signed-in user in the HTTP session, which
 * lives in PostgreSQL: any instance can serve the next request, also one started after the user
 * signed in (the container's own form mechanism remembers users in memory of one server). A visitor
 * asking for a page that needs an account is redirected to the sign-in page and, once signed in,
 * sent on to that page. Every page needs an account except those {@link Routes} says are for
 * visitors; web.xml has no security constraints, this mechanism is the gate.
 *
 * <p>Sign-in goes through the {@link Throttle} first: while an account or the client's address is
 * locked out, no password is checked and the request is marked {@link #isThrottled throttled}. A
 * signed-in session ends {@code notejam.session.absolute-lifetime} after sign-in however active,
 * and as soon as the user's password changes (or is reset) on any instance: each signed-in request
 * compares the credentials version the session signed in with to the users row (one primary-key
 * read; no cache, so the end is immediate everywhere).
 *
 * <p>The container is told who signed in only by the sign-in request itself. Later requests find
 * the user in the session and keep them in a request attribute for {@link CurrentUser}: telling the
 * container on every request made a JAAS login and a new subject each time, a fifth of a list
 * page's processor time, for nothing that asks it (README "Performance"). Liberty's session
 * security integration is off for the same reason (server.xml); {@code AccountService.signedIn}
 * records which sessions are whose instead.
 */
@ApplicationScoped
public class SessionFormAuthenticationMechanism implements HttpAuthenticationMechanism {

  static final String SIGNED_IN = "notejam.signedInEmail";
  static final String SIGNED_IN_ID = "notejam.signedInId";
  static final String SIGNED_IN_AT = "notejam.signedInAt";
  static final String CREDENTIALS_VERSION = "notejam.credentialsVersion";
  static final String THROTTLED = "notejam.throttled";

  private static final Logger LOG =
      Logger.getLogger(SessionFormAuthenticationMechanism.class.getName());

  @Inject private IdentityStoreHandler identityStores;
  @Inject private Throttle throttle;
  @Inject private ClientAddresses clientAddresses;
  @Inject private AccountService accounts;

  @Inject
  @ConfigProperty(name = "notejam.session.absolute-lifetime")
  private Duration absoluteLifetime;

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    Credential credential = context.getAuthParameters().getCredential();
    if (credential != null) {
      return signIn(request, context, credential);
    }
    if (Routes.isAsset(pathOf(request))) {
      // A stylesheet is the same for everyone: no session check (a database read) for each of a
      // page's files; the page itself, asked for first, checked the session.
      return context.doNothing();
    }
    HttpSession session = request.getSession(false);
    Object email = session == null ? null : session.getAttribute(SIGNED_IN);
    if (email instanceof String signedIn) {
      if (stillValid(session)) {
        // Known to this application, not to the container: no JAAS login and no subject with its
        // SSO token made for each request (README "Performance"); nothing here asks the container.
        request.setAttribute(SIGNED_IN, signedIn);
        return context.doNothing();
      }
      session.invalidate(); // on as a visitor: sent to sign in again
    }
    if (context.isProtected() || !Routes.isForVisitors(pathOf(request))) {
      String asked = request.getRequestURI();
      if (request.getQueryString() != null) {
        asked += "?" + request.getQueryString();
      }
      // The page asked for rides along in the sign-in URL, not in a session: a visitor's request
      // leaves nothing on the server (README "Performance").
      return context.redirect(
          request.getContextPath() + Routes.signInThenTo(asked, request.getContextPath()));
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

  /**
   * False once the session has outlived the absolute lifetime or the user's password changed since
   * it signed in. While the database cannot be asked, the session stays valid: every page needs the
   * database anyway and shows the error page meanwhile.
   */
  private boolean stillValid(HttpSession session) {
    Object signedInAt = session.getAttribute(SIGNED_IN_AT);
    Object version = session.getAttribute(CREDENTIALS_VERSION);
    Object id = session.getAttribute(SIGNED_IN_ID);
    if (!(signedInAt instanceof Long at && version instanceof Long v && id instanceof Long userId)
        || Instant.ofEpochMilli(at).plus(absoluteLifetime).isBefore(Instant.now())) {
      return false;
    }
    try {
      return accounts.credentialsVersion(userId).filter(v::equals).isPresent();
    } catch (RuntimeException e) {
      LOG.warning(() -> "Credentials version not checked, database unavailable: " + e);
      return true;
    }
  }

  private AuthenticationStatus signIn(
      HttpServletRequest request, HttpMessageContext context, Credential credential) {
    String email =
        credential instanceof UsernamePasswordCredential password ? password.getCaller() : null;
    String address = clientAddresses.of(request);
    // The audit lines of a sign-in (success, failure, refused) are written by SignInPage, which
    // sees the outcome; the lock-out itself by Throttle.
    if (throttle.refusesSignIn(email, address)) {
      request.setAttribute(THROTTLED, Boolean.TRUE);
      return AuthenticationStatus.SEND_FAILURE;
    }
    CredentialValidationResult result = identityStores.validate(credential);
    if (result.getStatus() != CredentialValidationResult.Status.VALID) {
      throttle.signInFailed(email, address);
      return AuthenticationStatus.SEND_FAILURE;
    }
    throttle.signInSucceeded(email);
    long userId = Long.parseLong(result.getCallerUniqueId());
    long version = accounts.credentialsVersion(userId).orElse(-1L);
    request.getSession(true);
    request.changeSessionId(); // no session fixation: a new id for the signed-in session
    HttpSession session = request.getSession();
    session.setAttribute(SIGNED_IN, result.getCallerPrincipal().getName());
    session.setAttribute(SIGNED_IN_ID, userId);
    session.setAttribute(SIGNED_IN_AT, Instant.now().toEpochMilli());
    session.setAttribute(CREDENTIALS_VERSION, version);
    accounts.signedIn(userId, session.getId());
    request.setAttribute(SIGNED_IN, result.getCallerPrincipal().getName());
    return context.notifyContainerAboutLogin(result);
  }

  /** True when this request's sign-in was refused by the throttle, without checking a password. */
  public static boolean isThrottled(HttpServletRequest request) {
    return Boolean.TRUE.equals(request.getAttribute(THROTTLED));
  }

  /**
   * After the signed-in user changed their password here: this session carries on with the new
   * credentials {@code version}; every other session of the user ends on its next request.
   */
  public static void keepAfterPasswordChange(HttpServletRequest request, long version) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.setAttribute(CREDENTIALS_VERSION, version);
    }
  }

  @Override
  public void cleanSubject(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    request.removeAttribute(SIGNED_IN);
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.removeAttribute(SIGNED_IN);
      session.removeAttribute(SIGNED_IN_ID);
      session.removeAttribute(SIGNED_IN_AT);
      session.removeAttribute(CREDENTIALS_VERSION);
    }
  }

  /** The signed-in user's email, once this request's session was found valid; null otherwise. */
  public static String signedInEmail(HttpServletRequest request) {
    return request.getAttribute(SIGNED_IN) instanceof String email ? email : null;
  }

  /** The signed-in user's id, kept in the session at sign-in; null for a visitor. */
  public static Long signedInId(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    Object id = session == null ? null : session.getAttribute(SIGNED_IN_ID);
    return id instanceof Long l ? l : null;
  }

  /**
   * The page a visitor asked for before being sent to sign in (the sign-in URL's {@code next}
   * parameter); only a path of this application, never another site.
   */
  public static String askedFor(HttpServletRequest request) {
    String asked = request.getParameter(Routes.NEXT);
    return asked == null
        ? null
        : Routes.localPath(request.getContextPath() + asked, request.getContextPath()).orElse(null);
  }
}
