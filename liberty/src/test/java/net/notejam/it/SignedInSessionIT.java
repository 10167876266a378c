package net.notejam.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import net.notejam.it.support.Notejam;
import net.notejam.it.support.Page;
import org.junit.jupiter.api.Test;

/**
 * A signed-in user is a random token in the {@code notejam-session} cookie and a row in {@code
 * sign_ins}, no HTTP session: their pages keep no state on the server and write nothing; their
 * forms carry the sign-in's form token, without which a post is refused; signing out or in again
 * ends the old token on the server, not only in the browser.
 */
class SignedInSessionIT {

  private static final String COOKIE = "notejam-session";
  private static final Pattern VIEW_STATE =
      Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]*)\"");

  private final String email = Accounts.newEmail();
  private final Browser user = Accounts.signedInUser(email);

  @Test
  void aSignedInUsersPagesKeepNoStateAndWriteNothing() throws Exception {
    long pad = Notejam.createPad(user, "Looked at");
    long note = Notejam.createdNote(user, "Read me", "text", pad);
    List<String> pages =
        List.of(
            "/",
            "/notes/" + note + "/",
            "/pads/" + pad + "/",
            "/search/?q=read",
            "/trash/",
            "/settings/",
            "/notes/create/",
            "/notes/" + note + "/edit/",
            "/pads/" + pad + "/edit/");
    Map<String, String> before = Database.isPostgresql() ? tableDigests() : Map.of();
    for (int round = 0; round < 5; round++) {
      for (String path : pages) {
        Page page = user.get(path);
        assertEquals(200, page.status(), path);
        assertEquals(email, page.signedInAs(), path);
        List<String> cookies = page.headers().getOrDefault("set-cookie", List.of());
        assertTrue(
            cookies.stream().noneMatch(c -> c.startsWith("JSESSIONID=")),
            path + " opened an HTTP session: " + cookies);
        Matcher viewState = VIEW_STATE.matcher(page.body());
        while (viewState.find()) {
          assertEquals("stateless", viewState.group(1), path + " keeps no view state");
        }
      }
    }
    if (Database.isPostgresql()) {
      assertEquals(before, tableDigests(), "every table's rows, before and after 45 pages");
    }
  }

  @Test
  void theCookieIsHttpOnlyAndLaxAndANewSignInGetsANewToken() {
    String first = user.cookie(COOKIE);
    assertNotNull(first, "signed in: " + user.get("/").path());

    Page answer =
        user.submitOnce(
            user.get("/signin/"),
            "signin",
            Map.of("email", email, "password", Accounts.PASSWORD),
            "submit");
    assertEquals(303, answer.status(), answer.body());
    String setCookie =
        answer.headers().getOrDefault("set-cookie", List.of()).stream()
            .filter(c -> c.startsWith(COOKIE + "="))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no " + COOKIE + ": " + answer.headers()));
    assertTrue(setCookie.contains("HttpOnly"), setCookie);
    assertTrue(setCookie.contains("SameSite=Lax"), setCookie);
    String second = user.cookie(COOKIE);
    assertNotEquals(first, second, "a sign-in makes a new token");

    assertEquals(email, user.get("/").signedInAs());
    assertEquals("/signin/", copyOf(first).get("/").path(), "the earlier sign-in has ended");
  }

  @Test
  void signingOutEndsTheSignInOnTheServerNotOnlyInTheBrowser() {
    String token = user.cookie(COOKIE);
    Browser copy = copyOf(token);
    assertEquals(email, copy.get("/").signedInAs(), "the copied cookie signs in, as a stolen one");

    Page out = user.get("/signout/");

    assertEquals("/signin/", out.path());
    assertEquals("", out.signedInAs());
    assertEquals("/signin/", copy.get("/").path(), "the copy is signed out too");
    assertEquals("/signin/", user.get("/").path());
  }

  @Test
  void aPostWithoutTheSignInsFormTokenIsRefusedAndChangesNothing() {
    Page form = user.get("/pads/create/");
    String token = form.document().selectFirst("#pad input[name=notejam-form]").attr("value");
    assertFalse(token.isEmpty(), "the form carries its token");
    form.document().selectFirst("#pad input[name=notejam-form]").remove();

    Page refused = user.submit(form, "pad", Map.of("name", "Forged"), "save");

    assertEquals(403, refused.status());
    assertEquals("Please try again", refused.title(), refused.body());
    assertEquals(List.of(), user.get("/").document().select(".sidebar ul.pads a").eachText());

    Page genuine = user.submit(user.get("/pads/create/"), "pad", Map.of("name", "Mine"), "save");
    assertEquals(List.of("Pad is successfully created"), genuine.successes());
  }

  /** A new browser holding {@code token} as its sign-in cookie. */
  private static Browser copyOf(String token) {
    Browser copy = new Browser();
    copy.setCookie(COOKIE, token);
    return copy;
  }

  /**
   * An MD5 of every row of each of the application's tables, by table; not of {@code job_runs},
   * which the scheduled trash purge writes whenever its turn comes, whoever looks at a page.
   */
  private static Map<String, String> tableDigests() throws SQLException {
    Map<String, String> digests = new LinkedHashMap<>();
    try (Connection c = Database.connect();
        Statement s = c.createStatement()) {
      for (String table : Database.tables(c, "job_runs")) {
        try (ResultSet r =
            s.executeQuery(
                "select md5(coalesce(string_agg(t::text, '|' order by t::text), ''))"
                    + " from "
                    + table
                    + " t")) {
          r.next();
          digests.put(table, r.getString(1));
        }
      }
    }
    return digests;
  }
}
