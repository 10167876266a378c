package net.notejam.web.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A URL is written once, in {@link Routes}: this fails on a route's URL written as a string literal
 * in the web module's Java (or the services', which must not know the web's URLs), or as an
 * attribute value or text in its pages and web.xml. Comments may name URLs; static resources
 * ({@code /css/...}) and view files ({@code /notes/list.xhtml}) are not routes.
 */
class RouteLiteralsTest {

  private static final Path JAVA = Path.of("src/main/java");
  private static final Path SERVICES = Path.of("../notejam-ejb/src/main/java");
  private static final Path WEBAPP = Path.of("src/main/webapp");
  private static final Path ROUTES = JAVA.resolve("net/notejam/web/routing/Routes.java");

  /** A string literal of Java, text blocks included; escapes are kept as written. */
  private static final Pattern JAVA_TOKEN =
      Pattern.compile(
          "//[^\\n]*|/\\*.*?\\*/" // comments
              + "|\"\"\"(.*?)\"\"\"|\"((?:\\\\.|[^\"\\\\\\n])*)\"" // text blocks, strings
              + "|'(?:\\\\.|[^'\\\\])+'", // chars (a '"' is no string)
          Pattern.DOTALL);

  /** An attribute value, or the text between two tags, in a page or web.xml. */
  private static final Pattern XML_VALUE =
      Pattern.compile("=\\s*\"([^\"]*)\"|=\\s*'([^']*)'|>([^<]+)<");

  private static final Pattern XML_COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);
  private static final Pattern EL = Pattern.compile("#\\{[^}]*}");
  private static final String CONTEXT_PATH = "#{request.contextPath}";

  @Test
  void noRouteUrlIsWrittenOutsideRoutes() throws IOException {
    List<String> found = new ArrayList<>();
    for (Path file : files(JAVA, ".java")) {
      if (!file.equals(ROUTES)) {
        inJava(Files.readString(file)).forEach(url -> found.add(file + ": " + url));
      }
    }
    for (Path file : files(SERVICES, ".java")) {
      inJava(Files.readString(file)).forEach(url -> found.add(file + ": " + url));
    }
    for (Path file : files(WEBAPP, ".xhtml", ".xml")) {
      inXml(Files.readString(file)).forEach(url -> found.add(file + ": " + url));
    }
    assertEquals(List.of(), found, "write these with Routes (Java) or #{routes...} (pages)");
  }

  @Test
  void theScanSeesTheSourcesAtAll() throws IOException {
    assertTrue(files(JAVA, ".java").contains(ROUTES), "run from the module's directory");
    assertFalse(inJava(Files.readString(ROUTES)).isEmpty(), "Routes itself is full of URLs");
    assertTrue(files(WEBAPP, ".xhtml").size() > 10);
  }

  @Test
  void aPlantedLiteralIsCaughtInJava() {
    String java =
        """
        // A comment may name /pads/12/ and "/signin/";
        /* so may this one: "/notes/create/" */
        class Sample {
          String css = "/css/notejam.css";
          String view = "/notes/list.xhtml";
          String template = "/WEB-INF/templates/layout.xhtml";
          String quoted = "say \\"/signin/\\" aloud";
          char slash = '/';
          String pad(long id) { return "/pads/" + id + "/"; }
          String home() { return redirect("/"); }
          String next() { return "/notes/create/?pad=" + 3; }
          String out() { return ctx + "/signout/"; }
          String reset = \"""
              /reset-password/abc/\""";
        }
        """;

    assertEquals(
        // "/pads/" + id + "/": the "/" after the id is the root's URL too.
        List.of("/pads/", "/", "/", "/notes/create/?pad=", "/signout/", "/reset-password/abc/"),
        inJava(java));
  }

  @Test
  void aPlantedLiteralIsCaughtInPagesAndWebXml() {
    String xhtml =
        """
        <!-- a comment may name <a href="/signin/"> -->
        <ui:composition template="/WEB-INF/templates/layout.xhtml">
          <link rel="stylesheet" href="#{request.contextPath}/css/notejam.css"/>
          <a href="#{routes.pad(pad.id())}">fine</a>
          <a href="#{request.contextPath}/pads/#{pad.id()}/edit/">planted</a>
          <a class="logo" href="#{request.contextPath}/">planted</a>
          <url-pattern>/signup</url-pattern>
          <url-pattern>/reset-password/*</url-pattern>
          <url-pattern>/*</url-pattern>
          <location>/errors/404.xhtml</location>
          <p>Pad: a / b</p>
        </ui:composition>
        """;

    assertEquals(
        List.of(
            "#{request.contextPath}/pads/#{pad.id()}/edit/",
            "#{request.contextPath}/",
            "/signup",
            "/reset-password/*"),
        inXml(xhtml));
  }

  /** The string literals of {@code source} that are route URLs. */
  static List<String> inJava(String source) {
    List<String> urls = new ArrayList<>();
    Matcher m = JAVA_TOKEN.matcher(source);
    while (m.find()) {
      String literal = m.group(1) != null ? m.group(1) : m.group(2);
      if (literal != null && isRouteUrl(literal.strip())) {
        urls.add(literal.strip());
      }
    }
    return urls;
  }

  /** The attribute values and texts of {@code xml} that are route URLs. */
  static List<String> inXml(String xml) {
    List<String> urls = new ArrayList<>();
    Matcher m = XML_VALUE.matcher(XML_COMMENT.matcher(xml).replaceAll(""));
    while (m.find()) {
      for (int group = 1; group <= 3; group++) {
        String value = m.group(group);
        if (value != null && isRouteUrl(value.strip())) {
          urls.add(value.strip());
        }
      }
    }
    return urls;
  }

  /**
   * True when {@code value} is a route's URL ({@code /signin/}, {@code /pads/#{pad.id()}/}, with or
   * without the context path in front, a query after, the trailing slash or a URL pattern's {@code
   * *}), or the start of one up to its first id or token ({@code "/pads/" + id}).
   */
  static boolean isRouteUrl(String value) {
    String path = value.startsWith(CONTEXT_PATH) ? value.substring(CONTEXT_PATH.length()) : value;
    if (!path.startsWith("/")) {
      return false;
    }
    path = EL.matcher(path).replaceAll("1"); // an EL expression stands for an id or token
    // Not the query; a URL pattern's "*" after a path ("/reset-password/*", not "/*").
    path = path.replaceFirst("[?#].*", "").replaceFirst("(?<=./)\\*$", "");
    for (Route route : Routes.all()) {
      int placeholder = route.template().indexOf('{');
      if (placeholder > 0 && path.equals(route.template().substring(0, placeholder))) {
        return true;
      }
    }
    return Routes.match(path).isPresent()
        || Routes.withTrailingSlash(path).isPresent()
        || path.equals(Routes.SIGN_OUT)
        || (path + "/").equals(Routes.SIGN_OUT);
  }

  private static List<Path> files(Path root, String... endings) throws IOException {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(f -> Stream.of(endings).anyMatch(e -> f.getFileName().toString().endsWith(e)))
          .sorted()
          .toList();
    }
  }
}
