package net.notejam.web.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import net.notejam.web.routing.Routes;

/**
 * Cross-site request forgery protection for the visitors' forms (sign in, sign up, forgot and reset
 * password), which keep no state on the server: their views are stateless, so a visitor gets no
 * session and no database row until a form is posted successfully (README "Performance"). A
 * signed-in user's forms keep their view state in the session, and that is their protection.
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

  private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{43}");
  private static final SecureRandom RANDOM = new SecureRandom();

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    if (!isVisitorForm(Routes.pathOf(req))) {
      chain.doFilter(req, res);
      return;
    }
    Optional<String> cookie = cookie(req);
    if ("POST".equals(req.getMethod())) {
      // Reading a field parses the whole form: in UTF-8, as the pages are (Faces would set it
      // later, too late once the form is parsed).
      if (req.getCharacterEncoding() == null) {
        req.setCharacterEncoding(StandardCharsets.UTF_8.name());
      }
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

  private static Optional<String> cookie(HttpServletRequest req) {
    Cookie[] cookies = req.getCookies();
    return cookies == null
        ? Optional.empty()
        : Arrays.stream(cookies)
            .filter(c -> TOKEN.equals(c.getName()))
            .map(Cookie::getValue)
            .filter(v -> v != null && WELL_FORMED.matcher(v).matches())
            .findFirst();
  }

  private static boolean same(String expected, String given) {
    return given != null
        && MessageDigest.isEqual(
            expected.getBytes(StandardCharsets.US_ASCII), given.getBytes(StandardCharsets.UTF_8));
  }

  private static String issue(HttpServletRequest req, HttpServletResponse res) {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Cookie cookie = new Cookie(TOKEN, token);
    cookie.setPath(req.getContextPath() + Routes.HOME);
    cookie.setHttpOnly(true);
    cookie.setSecure(req.isSecure());
    cookie.setAttribute("SameSite", "Strict");
    res.addCookie(cookie);
    return token;
  }

  /** The token for the page's hidden field: {@code #{visitorForm.token}}. */
  @Named("visitorForm")
  @RequestScoped
  public static class Token {

    @Inject private HttpServletRequest request;

    public String getToken() {
      return (String) request.getAttribute(TOKEN);
    }
  }
}
