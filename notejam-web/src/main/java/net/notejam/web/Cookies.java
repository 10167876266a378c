package net.notejam.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import net.notejam.application.Tokens;
import net.notejam.web.routing.Routes;

/**
 * Notejam's cookies: each holds one random token ({@link Tokens#random}), is HttpOnly, Secure on
 * HTTPS, and sent for the whole application only. A cookie whose value is not such a token is
 * ignored.
 */
public final class Cookies {

  private Cookies() {}

  /** The token in the request's cookie {@code name}, if it brought a well-formed one. */
  public static Optional<String> token(HttpServletRequest request, String name) {
    Cookie[] cookies = request.getCookies();
    if (cookies != null) {
      for (Cookie cookie : cookies) {
        if (name.equals(cookie.getName()) && Tokens.isWellFormed(cookie.getValue())) {
          return Optional.of(cookie.getValue());
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Sets cookie {@code name} to {@code token} for {@code maxAgeSeconds} (-1: until the browser
   * closes), sent along with other sites' requests as {@code sameSite} says ("Lax", "Strict").
   */
  public static void set(
      HttpServletRequest request,
      HttpServletResponse response,
      String name,
      String token,
      int maxAgeSeconds,
      String sameSite) {
    Cookie cookie = new Cookie(name, token);
    cookie.setPath(request.getContextPath() + Routes.HOME);
    cookie.setHttpOnly(true);
    cookie.setSecure(request.isSecure());
    cookie.setMaxAge(maxAgeSeconds);
    cookie.setAttribute("SameSite", sameSite);
    response.addCookie(cookie);
  }

  /** Tells the browser to forget cookie {@code name}. */
  public static void clear(HttpServletRequest request, HttpServletResponse response, String name) {
    set(request, response, name, "", 0, "Lax");
  }
}
