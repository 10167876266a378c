package net.notejam.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import net.notejam.it.support.Accounts;
import net.notejam.it.support.Browser;
import net.notejam.it.support.Notejam;
import net.notejam.it.support.Page;
import org.junit.jupiter.api.Test;

/**
 * The browser protections on every kind of response: a page, a redirect, an error page, a 404 and a
 * static file; and no caching of signed-in pages.
 */
class SecurityHeadersIT {

  private static final String CSP =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self';"
          + " connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none';"
          + " form-action 'self'";

  private final Browser visitor = new Browser();

  /** The headers every response carries, whatever it is. */
  private static void protectedAgainstTheUsualAttacks(Page page) {
    String what = page.status() + " " + page.uri();
    assertEquals(CSP, page.header("Content-Security-Policy"), what);
    assertEquals("nosniff", page.header("X-Content-Type-Options"), what);
    assertEquals("DENY", page.header("X-Frame-Options"), what);
    assertEquals("same-origin", page.header("Referrer-Policy"), what);
    String permissions = page.header("Permissions-Policy");
    for (String feature : List.of("camera=()", "microphone=()", "geolocation=()", "payment=()")) {
      assertTrue(permissions.contains(feature), what + ": " + permissions);
    }
    // The test server's public address is http: no HSTS (auto), which would pin localhost.
    assertEquals("", page.header("Strict-Transport-Security"), what);
  }

  /** {@code no-store} (Liberty adds {@code no-cache=set-cookie} when the response sets one). */
  private static void neverCached(Page page) {
    String cacheControl = page.header("Cache-Control");
    assertTrue(
        List.of(cacheControl.split(",\\s*")).contains("no-store"),
        page.status() + " " + page.uri() + ": " + cacheControl);
  }

  @Test
  void aPageForVisitors() {
    Page signIn = visitor.get("/signin/");
    assertEquals(200, signIn.status());
    protectedAgainstTheUsualAttacks(signIn);
    neverCached(signIn);
  }

  @Test
  void aRedirectToSignIn() {
    Page redirect = visitor.getOnce("/");
    assertEquals(302, redirect.status());
    assertTrue(redirect.header("Location").endsWith("/signin/"), redirect.header("Location"));
    protectedAgainstTheUsualAttacks(redirect);
  }

  @Test
  void anErrorPage() {
    // A visitor's form posted from another browser than it was shown in (without its token): the
    // "please try again" page of a refused post.
    Page form = visitor.get("/signin/");
    Page failed =
        new Browser()
            .submit(
                form, "signin", Map.of("email", "a@example.com", "password", "12345678"), "submit");
    assertEquals(403, failed.status());
    assertEquals("Please try again", failed.title(), failed.body());
    protectedAgainstTheUsualAttacks(failed);
    neverCached(failed);
  }

  @Test
  void aPageNotFound() {
    Browser user = Accounts.signedInUser(Accounts.newEmail());
    Page missing = user.get("/notes/999999999/");
    assertEquals(404, missing.status());
    assertEquals("Page not found", missing.title());
    protectedAgainstTheUsualAttacks(missing);
    neverCached(missing);
  }

  @Test
  void aStaticFileMayBeCached() {
    Page css = visitor.get("/css/notejam.css");
    assertEquals(200, css.status());
    protectedAgainstTheUsualAttacks(css);
    assertNotEquals("no-store", css.header("Cache-Control"));
  }

  @Test
  void everySignedInPageIsNeverCached() {
    Browser user = Accounts.signedInUser(Accounts.newEmail());
    long pad = Notejam.createPad(user, "Headers");
    long note = Notejam.createdNote(user, "Private", "not for the cache", pad);
    for (String path :
        List.of(
            "/",
            "/pads/" + pad + "/",
            "/pads/" + pad + "/edit/",
            "/notes/" + note + "/",
            "/notes/" + note + "/edit/",
            "/notes/create/",
            "/settings/")) {
      Page page = user.get(path);
      assertEquals(200, page.status(), path);
      assertFalse(page.signedInAs().isEmpty(), path);
      protectedAgainstTheUsualAttacks(page);
      neverCached(page);
    }
  }
}
