package net.notejam.web.routing;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every page URL of Notejam and its view: the one place to look for "which page is this?". */
public final class Routes {

  private static final List<Route> ALL =
      List.of(
          Route.of("/", "/notes/list.xhtml"),
          Route.of("/signup/", "/account/signup.xhtml"),
          Route.of("/signin/", "/account/signin.xhtml"));

  private Routes() {}

  /** A route matched against a request path, with its path parameters. */
  public record Match(Route route, Map<String, String> parameters) {

    /** The view with the path parameters as request parameters, ready for a forward. */
    public String forwardPath() {
      StringBuilder path = new StringBuilder(route.viewId());
      char separator = '?';
      for (Map.Entry<String, String> p : parameters.entrySet()) {
        path.append(separator).append(p.getKey()).append('=').append(p.getValue());
        separator = '&';
      }
      return path.toString();
    }
  }

  public static Optional<Match> match(String path) {
    for (Route route : ALL) {
      Optional<Map<String, String>> parameters = route.match(path);
      if (parameters.isPresent()) {
        return Optional.of(new Match(route, parameters.get()));
      }
    }
    return Optional.empty();
  }
}
