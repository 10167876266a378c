package net.notejam.web.routing;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Every page URL of Notejam and its view: the one place to look for "which page is this?", and the
 * one place a URL is written. Beans, pages (through {@link PageLinks}), redirects, mails and the
 * sign-in mechanism build URLs here ({@code Routes.PAD.path(12)}) instead of writing them; a test
 * (RouteLiteralsTest) fails on a route's URL written anywhere else.
 */
public final class Routes {

  public static final String HOME = "/";
  public static final String SIGN_UP = "/signup/";
  public static final String SIGN_IN = "/signin/";

  /** Served by the sign-out servlet, not by a view. */
  public static final String SIGN_OUT = "/signout/";

  public static final String SETTINGS = "/settings/";
  public static final String FORGOT_PASSWORD = "/forgot-password/";
  public static final String NEW_NOTE = "/notes/create/";
  public static final String NEW_PAD = "/pads/create/";

  /** The signed-in user's trash: deleted notes and pads, to restore or delete for good. */
  public static final String TRASH = "/trash/";

  /** The signed-in user's search: {@code /search/?q=words&page=2}. */
  public static final String SEARCH = "/search/";

  /** Served by the export servlet, not by a view: the signed-in user's notes as a zip. */
  public static final String EXPORT_NOTES = "/settings/notes.zip";

  private static final String RESET_PASSWORD = "/reset-password/{token}/";

  /** {@code /notes/12/}: one note. */
  public static final IdRoute NOTE = new IdRoute("/notes/{id}/");

  public static final IdRoute EDIT_NOTE = new IdRoute("/notes/{id}/edit/");
  public static final IdRoute DELETE_NOTE = new IdRoute("/notes/{id}/delete/");

  /** {@code /pads/12/}: the notes of one pad. */
  public static final IdRoute PAD = new IdRoute("/pads/{id}/");

  public static final IdRoute EDIT_PAD = new IdRoute("/pads/{id}/edit/");
  public static final IdRoute DELETE_PAD = new IdRoute("/pads/{id}/delete/");

  private static final List<Route> ALL =
      List.of(
          Route.of(HOME, "/notes/list.xhtml"),
          Route.forVisitors(SIGN_UP, "/account/signup.xhtml"),
          Route.forVisitors(SIGN_IN, "/account/signin.xhtml"),
          Route.of(SETTINGS, "/account/settings.xhtml"),
          Route.forVisitors(FORGOT_PASSWORD, "/account/forgot-password.xhtml"),
          Route.forVisitors(RESET_PASSWORD, "/account/reset-password.xhtml"),
          Route.of(NEW_NOTE, "/notes/create.xhtml"),
          Route.of(NOTE.template(), "/notes/view.xhtml"),
          Route.of(EDIT_NOTE.template(), "/notes/edit.xhtml"),
          Route.of(DELETE_NOTE.template(), "/notes/delete.xhtml"),
          Route.of(NEW_PAD, "/pads/create.xhtml"),
          Route.of(PAD.template(), "/pads/view.xhtml"),
          Route.of(EDIT_PAD.template(), "/pads/edit.xhtml"),
          Route.of(DELETE_PAD.template(), "/pads/delete.xhtml"),
          Route.of(TRASH, "/trash/list.xhtml"),
          Route.of(SEARCH, "/search/results.xhtml"));

  /** Served by the container, not by a view: static assets. */
  private static final List<String> ASSET_PREFIXES =
      List.of("/css/", "/webjars/", "/jakarta.faces.resource/", "/favicon.ico");

  /** The error views (web.xml), which a visitor sees too. */
  private static final String ERROR_VIEWS = "/errors/";

  /**
   * A path that stays on this site: one slash, not followed by a second slash or a backslash (which
   * browsers read as "another host": {@code //evil.example}, {@code /\evil.example}).
   */
  private static final Pattern LOCAL_PATH = Pattern.compile("/(?![/\\\\]).*", Pattern.DOTALL);

  private Routes() {}

  /** The sign-in page's parameter naming the page to go on to once signed in. */
  public static final String NEXT = "next";

  /**
   * The sign-in page, going on to {@code uri} (as the request named it, context path included) once
   * signed in; plain {@link #SIGN_IN} when that is the home page anyway.
   */
  public static String signInThenTo(String uri, String contextPath) {
    String path = uri.substring(Math.min(contextPath.length(), uri.length()));
    return path.equals(HOME) || path.isEmpty()
        ? SIGN_IN
        : SIGN_IN + "?" + NEXT + "=" + URLEncoder.encode(path, StandardCharsets.UTF_8);
  }

  /** The new-note form with pad {@code padId} preselected. */
  public static String newNoteIn(long padId) {
    return NEW_NOTE + "?pad=" + padId;
  }

  /** Where a note list of pad {@code padId} is shown: its pad's page, or all notes for null. */
  public static String notesOf(Long padId) {
    return padId == null ? HOME : PAD.path(padId);
  }

  /** Page {@code page} of the search for {@code words}. */
  public static String search(String words, int page) {
    return SEARCH + "?q=" + URLEncoder.encode(words, StandardCharsets.UTF_8) + "&page=" + page;
  }

  /** True for the paths a servlet serves rather than a view: sign-out and the export. */
  public static boolean isServlet(String path) {
    return path.equals(SIGN_OUT) || path.equals(EXPORT_NOTES);
  }

  /** The page a mailed reset link opens. */
  public static String resetPassword(String token) {
    String path = fill(RESET_PASSWORD, token);
    if (match(path).isEmpty()) {
      throw new IllegalArgumentException("Not a reset token: " + token);
    }
    return path;
  }

  /**
   * A route with one path parameter, {@code {id}} (a note's or a pad's): {@code
   * Routes.PAD.path(12)} is {@code /pads/12/}.
   */
  public record IdRoute(String template) {

    /** The largest id the route's {id} placeholder (1 to 18 digits) accepts. */
    private static final long MAX_ID = 999_999_999_999_999_999L;

    public String path(long id) {
      if (id < 0 || id > MAX_ID) {
        throw new IllegalArgumentException("Not an id: " + id);
      }
      return fill(template, id);
    }
  }

  private static String fill(String template, Object value) {
    // Plain text replacement: a page with 50 links fills 50 templates (a regex each was 6 % of a
    // list page's time). The value is a long id or a checked token, so the path always matches.
    int open = template.indexOf('{');
    return template.substring(0, open)
        + value
        + template.substring(template.indexOf('}', open) + 1);
  }

  /** The path {@code request} asks for, as sent (not decoded), {@code /} for the root. */
  public static String pathOf(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.isEmpty() ? HOME : path;
  }

  /** True for the app's static files (stylesheets, WebJars). */
  public static boolean isAsset(String path) {
    return ASSET_PREFIXES.stream().anyMatch(path::startsWith);
  }

  /**
   * True when a visitor (nobody signed in) may ask for {@code path}: the sign-up, sign-in and
   * password pages, also without their trailing slash (they redirect to it), sign-out, the error
   * views and the assets. Everything else needs an account, unknown paths included.
   */
  public static boolean isForVisitors(String path) {
    return isAsset(path)
        || path.equals(SIGN_OUT)
        || path.startsWith(ERROR_VIEWS)
        || match(path)
            .or(() -> withTrailingSlash(path))
            .filter(m -> m.route().forVisitors())
            .isPresent();
  }

  /** The route {@code path} lacks only its trailing slash for ({@code /signin}), if any. */
  public static Optional<Match> withTrailingSlash(String path) {
    return path.endsWith("/") ? Optional.empty() : match(path + "/");
  }

  /**
   * {@code uri} (a request URI of this application, with its query) as a path within the
   * application, if it is one: never a path that a browser would take to another site. For the
   * redirect back to the page a visitor asked for before signing in.
   */
  public static Optional<String> localPath(String uri, String contextPath) {
    if (uri == null || !uri.startsWith(contextPath)) {
      return Optional.empty();
    }
    String path = uri.substring(contextPath.length());
    return LOCAL_PATH.matcher(path).matches() ? Optional.of(path) : Optional.empty();
  }

  /** A route matched against the request path {@code path}, with its path parameters. */
  public record Match(Route route, String path, Map<String, String> parameters) {}

  public static Optional<Match> match(String path) {
    for (Route route : ALL) {
      Optional<Map<String, String>> parameters = route.match(path);
      if (parameters.isPresent()) {
        return Optional.of(new Match(route, path, parameters.get()));
      }
    }
    return Optional.empty();
  }

  /** Every route, for tests that check URLs against them. */
  static List<Route> all() {
    return ALL;
  }
}
