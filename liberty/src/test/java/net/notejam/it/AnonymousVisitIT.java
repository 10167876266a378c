package net.notejam.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.notejam.it.support.Accounts;
import net.notejam.it.support.Browser;
import net.notejam.it.support.Database;
import org.junit.jupiter.api.Test;

/**
 * A visitor who only looks at the public pages leaves nothing behind: no session (no cookie that
 * names one), and on PostgreSQL no row written anywhere. The visitors' forms keep no server state,
 * so their protection against cross-site posts is the double-submit token: a post without it, or
 * with a token that is not the cookie's, is refused and changes nothing.
 */
class AnonymousVisitIT {

  private static final List<String> PUBLIC_PAGES =
      List.of("/signin/", "/signup/", "/forgot-password/", "/reset-password/unknown-token/");
  private static final Pattern VIEW_STATE =
      Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]*)\"");
  private static final Pattern TOKEN_FIELD =
      Pattern.compile("<input type=\"hidden\" name=\"notejam-form\" value=\"([^\"]+)\"");

  private final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @Test
  void repeatedVisitsToThePublicPagesWriteNothingAndOpenNoSession() throws Exception {
    Map<String, Long> before = Database.isPostgresql() ? rowCounts() : Map.of();
    for (int round = 0; round < 25; round++) {
      for (String page : PUBLIC_PAGES) {
        HttpResponse<String> response = get(page, null);
        assertEquals(200, response.statusCode(), page);
        List<String> cookies = response.headers().allValues("Set-Cookie");
        assertTrue(
            cookies.stream().noneMatch(c -> c.startsWith("JSESSIONID=")),
            page + " opened a session: " + cookies);
        Matcher viewState = VIEW_STATE.matcher(response.body());
        while (viewState.find()) {
          assertEquals("stateless", viewState.group(1), page + " keeps no view state");
        }
      }
    }
    if (Database.isPostgresql()) {
      assertEquals(before, rowCounts(), "rows per table, before and after 100 visits");
    }
  }

  @Test
  void aVisitorAskingForAnAccountsPageIsSentToSignInWithoutASession() throws Exception {
    HttpResponse<String> response = get("/pads/3/?order=name", null);
    assertEquals(302, response.statusCode());
    assertTrue(
        response
            .headers()
            .firstValue("Location")
            .orElseThrow()
            .endsWith("/signin/?next=%2Fpads%2F3%2F%3Forder%3Dname"),
        response.headers().toString());
    assertTrue(
        response.headers().allValues("Set-Cookie").stream()
            .noneMatch(c -> c.startsWith("JSESSIONID=")),
        "the page asked for is in the URL, not in a session");
  }

  @Test
  void aPostWithoutTheFormsTokenIsRefusedAndChangesNothing() throws Exception {
    String email = "forged-" + System.nanoTime() + "@example.com";
    HttpResponse<String> page = get("/signup/", null);
    String token = token(page.body());
    String cookie = "notejam-form=" + token;
    Map<String, String> form = new LinkedHashMap<>();
    form.put("signup_SUBMIT", "1");
    form.put("jakarta.faces.ViewState", "stateless");
    form.put("signup:email", email);
    form.put("signup:password", "forged-password-1");
    form.put("signup:repeatPassword", "forged-password-1");
    form.put("signup:submit", "Sign up");

    HttpResponse<String> noToken = post("/signup/", form, cookie);
    assertEquals(403, noToken.statusCode());
    assertTrue(noToken.body().contains("Please try again"), noToken.body());

    form.put("notejam-form", token);
    assertEquals(403, post("/signup/", form, null).statusCode(), "the token without its cookie");
    assertEquals(
        403,
        post("/signup/", form, "notejam-form=" + token(get("/signup/", null).body())).statusCode(),
        "another visitor's cookie");
    assertFalse(
        Accounts.signIn(new Browser(), email, "forged-password-1").errors().isEmpty(),
        "no account was made");

    HttpResponse<String> genuine = post("/signup/", form, cookie);
    assertEquals(303, genuine.statusCode(), "the same post with its token: " + genuine.body());
  }

  private HttpResponse<String> get(String path, String cookie)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Browser.BASE + path));
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, Map<String, String> form, String cookie)
      throws IOException, InterruptedException {
    StringBuilder body = new StringBuilder();
    form.forEach(
        (name, value) ->
            body.append(body.isEmpty() ? "" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(Browser.BASE + path))
            .header("Content-Type", "application/x-www-form-urlencoded");
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    return http.send(
        request.POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String token(String page) {
    Matcher m = TOKEN_FIELD.matcher(page);
    assertTrue(m.find(), "the form carries its token");
    return m.group(1);
  }

  /** The number of rows in each of the application's tables (the sessions' among them). */
  private static Map<String, Long> rowCounts() throws SQLException {
    Map<String, Long> counts = new LinkedHashMap<>();
    try (Connection c = Database.connect();
        Statement s = c.createStatement()) {
      for (String table : Database.tables(c)) {
        try (ResultSet r = s.executeQuery("select count(*) from " + table)) {
          r.next();
          counts.put(table, r.getLong(1));
        }
      }
    }
    return counts;
  }
}
