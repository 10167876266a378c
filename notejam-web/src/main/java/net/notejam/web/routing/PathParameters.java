package net.notejam.web.routing;

import jakarta.faces.context.FacesContext;
import jakarta.servlet.ServletRequest;

/**
 * The ids in a Notejam URL ({@code 12} in {@code /pads/12/edit/}), kept as request attributes by
 * {@link PrettyUrlFilter} so that no query parameter can stand in for them.
 */
public final class PathParameters {

  private static final String PREFIX = "notejam.path.";

  private PathParameters() {}

  static void put(ServletRequest request, String name, String value) {
    request.setAttribute(PREFIX + name, value);
  }

  /** The {@code {id}} of the current URL; the route guarantees 1 to 18 digits. */
  public static long id() {
    return Long.parseLong(get("id"));
  }

  /** The {@code {token}} of the current URL (a password reset link). */
  public static String token() {
    return get("token");
  }

  private static String get(String name) {
    Object value =
        FacesContext.getCurrentInstance().getExternalContext().getRequestMap().get(PREFIX + name);
    if (value == null) {
      throw new IllegalStateException("This page's URL has no {" + name + "}");
    }
    return (String) value;
  }
}
