package net.notejam.web.routing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Notejam URL template such as {@code /pads/{id}/edit/} and the view that renders it. An {@code
 * {id}} matches 1 to 18 digits, so it always fits a {@code long}; a {@code {token}} matches the
 * URL-safe Base64 of a reset link. Anything else (a word, a huge number) does not match and ends as
 * a 404. A route is for signed-in users unless it is {@code forVisitors}.
 *
 * <p>Every route's view is stateless (README "Sessions"): nothing of a page is kept on the server
 * between showing its form and taking the post, which any instance can take.
 */
public record Route(
    String template, String viewId, Pattern pattern, List<String> parameters, boolean forVisitors) {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z]+)}");

  /** A page that needs a signed-in user. */
  public static Route of(String template, String viewId) {
    return of(template, viewId, false);
  }

  /** A page that a visitor may see (sign-up, sign-in, the password pages). */
  public static Route forVisitors(String template, String viewId) {
    return of(template, viewId, true);
  }

  private static Route of(String template, String viewId, boolean forVisitors) {
    StringBuilder regex = new StringBuilder("^");
    List<String> parameters = new ArrayList<>();
    Matcher m = PLACEHOLDER.matcher(template);
    int last = 0;
    while (m.find()) {
      regex
          .append(Pattern.quote(template.substring(last, m.start())))
          .append(placeholder(m.group(1)));
      parameters.add(m.group(1));
      last = m.end();
    }
    regex.append(Pattern.quote(template.substring(last))).append('$');
    return new Route(
        template, viewId, Pattern.compile(regex.toString()), List.copyOf(parameters), forVisitors);
  }

  private static String placeholder(String name) {
    return switch (name) {
      case "id" -> "([0-9]{1,18})";
      case "token" -> "([A-Za-z0-9_-]{1,100})";
      default -> throw new IllegalArgumentException("Unknown placeholder {" + name + "}");
    };
  }

  /** The path parameters of {@code path} by name, if this route matches it. */
  public Optional<Map<String, String>> match(String path) {
    // Most routes are told apart by their text before the first placeholder: no regex for those.
    int open = template.indexOf('{');
    if (open < 0 ? !template.equals(path) : !path.regionMatches(0, template, 0, open)) {
      return Optional.empty();
    }
    if (parameters.isEmpty()) {
      return Optional.of(Map.of());
    }
    Matcher m = pattern.matcher(path);
    if (!m.matches()) {
      return Optional.empty();
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < parameters.size(); i++) {
      values.put(parameters.get(i), m.group(i + 1));
    }
    return Optional.of(values);
  }
}
