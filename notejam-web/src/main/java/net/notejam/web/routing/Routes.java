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
          Route.of("/signin/", "/account/signin.xhtml"),
          Route.of("/settings/", "/account/settings.xhtml"),
          Route.of("/forgot-password/", "/account/forgot-password.xhtml"),
          Route.of("/reset-password/{token}/", "/account/reset-password.xhtml"),
          Route.of("/notes/create/", "/notes/create.xhtml"),
          Route.of("/notes/{id}/", "/notes/view.xhtml"),
          Route.of("/notes/{id}/edit/", "/notes/edit.xhtml"),
          Route.of("/notes/{id}/delete/", "/notes/delete.xhtml"),
          Route.of("/pads/create/", "/pads/create.xhtml"),
          Route.of("/pads/{id}/", "/pads/view.xhtml"),
          Route.of("/pads/{id}/edit/", "/pads/edit.xhtml"),
          Route.of("/pads/{id}/delete/", "/pads/delete.xhtml"));

  /** Served by the container, not by a view: static assets, and the sign-out servlet. */
  private static final List<String> ASSET_PREFIXES =
      List.of("/css/", "/webjars/", "/jakarta.faces.resource/", "/favicon.ico");

  public static final String SIGN_OUT = "/signout/";

  private Routes() {}

  /** True for the app's static files (stylesheets, WebJars). */
  public static boolean isAsset(String path) {
    return ASSET_PREFIXES.stream().anyMatch(path::startsWith);
  }

  /** A route matched against a request path, with its path parameters. */
  public record Match(Route route, Map<String, String> parameters) {}

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
