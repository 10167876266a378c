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
import java.util.Optional;
import java.util.logging.Logger;
import net.notejam.application.SignInService;
import net.notejam.application.SignInService.SignedIn;
import net.notejam.application.Throttle;
import net.notejam.web.Cookies;
import net.notejam.web.routing.Routes;

/**
 * Form sign-in at {@code /signin/} that remembers the signed-in user by a random token in a cookie
 * ({@code notejam-session}), whose sign-in is a row in the database ({@link SignInService}): any
 * instance can serve the next request, also one started after the user signed in, and a signed-in
 * request writes nothing (no HTTP session; README "Sessions"). A visitor asking for a page that
 * needs an account is redirected to the sign-in page and, once signed in, sent on to that page.
 * Every page needs an account except those {@link Routes} says are for visitors; web.xml has no
 * security constraints, this mechanism is the gate.
 *
 * <p>Sign-in goes through the {@link Throttle} first: while an account or the client's address is
 * locked out, no password is checked and the request is marked {@link #isThrottled throttled}. Each
 * signed-in request reads its sign-in (one primary-key read, joined to the user): it has ended once
 * signed out, idle too long, past the absolute lifetime, after a password change or reset on any
 * instance, or with its account; no cache, so the end is immediate everywhere.
 *
 * <p>The container is told who signed in only by the sign-in request itself. Later requests keep
 * the user in a request attribute for {@link CurrentUser}: telling the container on every request
 * made a JAAS login and a new subject each time, a fifth of a list page's processor time, for
 * nothing that asks it (README "Performance").
 */
@ApplicationScoped
public class SessionFormAuthenticationMechanism implements HttpAuthenticationMechanism {

  /** The cookie holding a signed-in browser's token. */
  public static final String COOKIE = "notejam-session";

  static final String SIGNED_IN = "notejam.signedIn";
  static final String THROTTLED = "notejam.throttled";

  /** The page shown while the database cannot tell who is signed in. */
  private static final String UNAVAILABLE_VIEW = "/errors/500.xhtml";

  private static final Logger LOG =
      Logger.getLogger(SessionFormAuthenticationMechanism.class.getName());

  @Inject private IdentityStoreHandler identityStores;
  @Inject private Throttle throttle;
  @Inject private ClientAddresses clientAddresses;
  @Inject private SignInService signIns;

  /**
   * Who is signed in for this request: the sign-in's user, its tokens (cookie, forms), and the
   * user's content version as read with the sign-in ({@link #CONTENT_VERSION_UNREAD} on the sign-in
   * request itself).
   */
  public record SignedInUser(
      long id, String email, String formToken, String token, long contentVersion) {}

  /** The content version of a {@link SignedInUser} made by signing in, when none was read. */
  public static final long CONTENT_VERSION_UNREAD = -1;

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    Credential credential = context.getAuthParameters().getCredential();
    if (credential != null) {
      return signIn(request, response, context, credential);
    }
    if (Routes.isAsset(pathOf(request))) {
      // A stylesheet is the same for everyone: no sign-in read (a database query) for each of a
      // page's files; the page itself, asked for first, checked the sign-in.
      return context.doNothing();
    }
    Optional<String> token = Cookies.token(request, COOKIE);
    if (token.isPresent()) {
      Optional<SignedIn> found;
      try {
        found = signIns.find(token.get());
      } catch (RuntimeException e) {
        // Nobody can be told apart meanwhile: the error page, not the sign-in page (the user is
        // still signed in once the database is back).
        LOG.warning(() -> "Sign-in not checked, database unavailable: " + e);
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        return context.forward(UNAVAILABLE_VIEW);
      }
      if (found.isPresent()) {
        SignedIn signedIn = found.get();
        if (signedIn.seenLongAgo()) {
          seen(token.get());
        }
        // Known to this application, not to the container: no JAAS login and no subject with its
        // SSO token made for each request (README "Performance"); nothing here asks the container.
        request.setAttribute(
            SIGNED_IN,
            new SignedInUser(
                signedIn.userId(),
                signedIn.email(),
                signedIn.formToken(),
                token.get(),
                signedIn.contentVersion()));
        return context.doNothing();
      }
      Cookies.clear(request, response, COOKIE); // ended: on as a visitor, sent to sign in again
    }
    if (context.isProtected() || !Routes.isForVisitors(pathOf(request))) {
      String asked = request.getRequestURI();
      if (request.getQueryString() != null) {
        asked += "?" + request.getQueryString();
      }
      // The page asked for rides along in the sign-in URL: a visitor's request leaves nothing on
      // the server (README "Performance").
      return context.redirect(
          request.getContextPath() + Routes.signInThenTo(asked, request.getContextPath()));
    }
    return context.doNothing();
  }

  /** The idle timeout starts again; a failure to write that only shortens the sign-in. */
  private void seen(String token) {
    try {
      signIns.seen(token);
    } catch (RuntimeException e) {
      LOG.warning(() -> "Sign-in's last use not written: " + e);
    }
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
      HttpServletRequest request,
      HttpServletResponse response,
      HttpMessageContext context,
      Credential credential) {
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
    // A sign-in the browser held before ends: never two at once, and no fixation (a new token).
    Cookies.token(request, COOKIE).ifPresent(signIns::end);
    SignInService.Started started = signIns.start(userId);
    Cookies.set(request, response, COOKIE, started.token(), -1, "Lax");
    request.setAttribute(
        SIGNED_IN,
        new SignedInUser(
            userId,
            result.getCallerPrincipal().getName(),
            started.formToken(),
            started.token(),
            CONTENT_VERSION_UNREAD));
    return context.notifyContainerAboutLogin(result);
  }

  /** True when this request's sign-in was refused by the throttle, without checking a password. */
  public static boolean isThrottled(HttpServletRequest request) {
    return Boolean.TRUE.equals(request.getAttribute(THROTTLED));
  }

  @Override
  public void cleanSubject(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    request.removeAttribute(SIGNED_IN);
  }

  /** Who is signed in, once this request's sign-in was found valid; empty for a visitor. */
  public static Optional<SignedInUser> signedIn(HttpServletRequest request) {
    return request.getAttribute(SIGNED_IN) instanceof SignedInUser user
        ? Optional.of(user)
        : Optional.empty();
  }

  /** The signed-in user's id; null for a visitor. */
  public static Long signedInId(HttpServletRequest request) {
    return signedIn(request).map(SignedInUser::id).orElse(null);
  }

  /**
   * After signing out or closing the account (the sign-in has ended in the database): this request
   * goes on as a visitor's, and the browser forgets its token.
   */
  public static void forget(HttpServletRequest request, HttpServletResponse response) {
    request.removeAttribute(SIGNED_IN);
    Cookies.clear(request, response, COOKIE);
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
