package net.notejam.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import net.notejam.application.Tokens;
import net.notejam.web.Cookies;
import net.notejam.web.routing.Routes;

/**
 * Cross-site request forgery protection for the visitors' forms (sign in, sign up, forgot and reset
 * password), which keep no state on the server: their views are stateless, so a visitor gets no
 * session and no database row until a form is posted successfully (README "Performance"). A
 * signed-in user's forms carry their sign-in's form token instead ({@link SignedInForms}).
 *
 * <p>Double-submit token: the first visit to such a page sets a random token in an HttpOnly,
 * SameSite=Strict cookie, and the page's form carries the same token in a hidden field. A post
 * whose field does not equal the cookie is refused with the "please try again" page and changes
 * nothing: another site can make a browser post, but can neither read the cookie nor, being
 * cross-site, have it sent. No state anywhere, so any instance checks any post.
 */
public class VisitorForms extends HttpFilter {

  private static final long serialVersionUID = 1L;

  /** The cookie and the form field; the same name for both. */
  public static final String TOKEN = "notejam-form";

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    if (!isVisitorForm(Routes.pathOf(req))) {
      chain.doFilter(req, res);
      return;
    }
    Optional<String> cookie = Cookies.token(req, TOKEN);
    if ("POST".equals(req.getMethod())) {
      // Reading a field parses the whole form: in UTF-8 (web.xml), as the pages are.
      if (cookie.isEmpty() || !same(cookie.get(), req.getParameter(TOKEN))) {
        res.setStatus(HttpServletResponse.SC_FORBIDDEN);
        req.getRequestDispatcher("/errors/expired.xhtml").forward(req, res);
        return;
      }
      req.setAttribute(TOKEN, cookie.get());
    } else {
      req.setAttribute(TOKEN, cookie.orElseGet(() -> issue(req, res)));
    }
    chain.doFilter(req, res);
  }

  private static boolean isVisitorForm(String path) {
    return Routes.match(path).filter(m -> m.route().forVisitors()).isPresent();
  }

  /** True when the form field {@code given} is the token {@code expected}. */
  static boolean same(String expected, String given) {
    return given != null
        && MessageDigest.isEqual(
            expected.getBytes(StandardCharsets.US_ASCII), given.getBytes(StandardCharsets.UTF_8));
  }

  private static String issue(HttpServletRequest req, HttpServletResponse res) {
    String token = Tokens.random();
    Cookies.set(req, res, TOKEN, token, -1, "Strict");
    return token;
  }
}
