package net.notejam.web.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RoutesTest {

  @Test
  void notejamUrlsMapToTheirViews() {
    assertEquals("/notes/list.xhtml", view("/"));
    assertEquals("/account/signup.xhtml", view("/signup/"));
    assertEquals("/account/signin.xhtml", view("/signin/"));
    assertEquals("/notes/create.xhtml", view("/notes/create/"));
    assertEquals("/notes/view.xhtml", view("/notes/7/"));
    assertEquals("/pads/edit.xhtml", view("/pads/7/edit/"));
    assertEquals("/trash/list.xhtml", view("/trash/"));
    assertFalse(Routes.isForVisitors("/trash/"), "a trash is someone's");
    assertEquals(Map.of("id", "7"), Routes.match("/notes/7/delete/").orElseThrow().parameters());
  }

  @Test
  void urlsWithoutTheTrailingSlashOrWithViewFilesDoNotMatch() {
    assertTrue(Routes.match("/signin").isEmpty());
    assertTrue(Routes.match("/account/signin.xhtml").isEmpty());
    assertTrue(Routes.match("/signin/extra/").isEmpty());
  }

  @Test
  void placeholdersTakeIdsAndPassThemAsParameters() {
    Route route = Route.of("/pads/{id}/edit/", "/pads/edit.xhtml");

    assertEquals(Map.of("id", "12"), route.match("/pads/12/edit/").orElseThrow());
  }

  private static String view(String path) {
    return Routes.match(path).orElseThrow().route().viewId();
  }

  @Test
  void placeholdersRefuseWordsSignsAndNumbersTooLongForALong() {
    Route route = Route.of("/notes/{id}/", "/notes/view.xhtml");

    assertTrue(route.match("/notes/abc/").isEmpty());
    assertTrue(route.match("/notes/-1/").isEmpty());
    assertTrue(route.match("/notes/1.5/").isEmpty());
    assertTrue(route.match("/notes/%31/").isEmpty());
    assertTrue(route.match("/notes/1234567890123456789/").isEmpty());
    assertTrue(route.match("/notes/123456789012345678/").isPresent());
  }

  @Test
  void everyBuiltUrlMatchesItsOwnRouteWithTheIdOrTokenItWasBuiltWith() {
    assertRoundTrip(Routes.NOTE.path(7), "/notes/{id}/", "id", "7");
    assertRoundTrip(Routes.EDIT_NOTE.path(7), "/notes/{id}/edit/", "id", "7");
    assertRoundTrip(Routes.DELETE_NOTE.path(7), "/notes/{id}/delete/", "id", "7");
    assertRoundTrip(Routes.PAD.path(12), "/pads/{id}/", "id", "12");
    assertRoundTrip(Routes.EDIT_PAD.path(12), "/pads/{id}/edit/", "id", "12");
    assertRoundTrip(Routes.DELETE_PAD.path(12), "/pads/{id}/delete/", "id", "12");
    assertRoundTrip(Routes.resetPassword("a-b_C9"), "/reset-password/{token}/", "token", "a-b_C9");
    assertEquals("/pads/12/", Routes.PAD.path(12));
    assertEquals("/reset-password/a-b_C9/", Routes.resetPassword("a-b_C9"));
  }

  @Test
  void theFixedUrlsAreRoutesToo() {
    for (String path :
        new String[] {
          Routes.HOME,
          Routes.SIGN_UP,
          Routes.SIGN_IN,
          Routes.SETTINGS,
          Routes.FORGOT_PASSWORD,
          Routes.NEW_NOTE,
          Routes.NEW_PAD
        }) {
      assertEquals(path, Routes.match(path).orElseThrow().route().template(), path);
    }
  }

  @Test
  void aNoteListIsItsPadsPageOrAllNotes() {
    assertEquals("/pads/3/", Routes.notesOf(3L));
    assertEquals("/", Routes.notesOf(null));
    assertEquals("/notes/create/?pad=3", Routes.newNoteIn(3));
    assertEquals(Routes.NEW_NOTE, Routes.match("/notes/create/").orElseThrow().route().template());
  }

  @Test
  void aUrlIsNeverBuiltFromSomethingItsRouteWouldRefuse() {
    assertThrows(IllegalArgumentException.class, () -> Routes.NOTE.path(-1));
    assertThrows(IllegalArgumentException.class, () -> Routes.resetPassword("a/b"));
    assertThrows(IllegalArgumentException.class, () -> Routes.resetPassword("$1"));
  }

  @Test
  void visitorsMaySeeTheAccountPagesAssetsAndErrorsOnly() {
    for (String path :
        new String[] {
          "/signup/",
          "/signup",
          "/signin/",
          "/signin",
          "/signout/",
          "/forgot-password/",
          "/forgot-password",
          "/reset-password/abc/",
          "/reset-password/abc",
          "/errors/404.xhtml",
          "/css/notejam.css",
          "/webjars/skeleton-css/2.0.4/css/skeleton.css",
          "/favicon.ico",
          "/jakarta.faces.resource/faces.js"
        }) {
      assertTrue(Routes.isForVisitors(path), path);
    }
    for (String path :
        new String[] {
          "/",
          "/settings/",
          "/settings",
          "/notes/create/",
          "/notes/1/",
          "/pads/1/edit/",
          "/account/signin.xhtml",
          "/notes/list.xhtml",
          "/unknown/",
          "/signin/extra/",
          "/signout/extra",
          "/reset-password/",
          "/reset-password/a/b/"
        }) {
      assertFalse(Routes.isForVisitors(path), path);
    }
  }

  @Test
  void onlyAMissingTrailingSlashIsRedirected() {
    assertEquals("/signin/", Routes.withTrailingSlash("/signin").orElseThrow().path());
    assertEquals("/pads/4/edit/", Routes.withTrailingSlash("/pads/4/edit").orElseThrow().path());
    assertTrue(Routes.withTrailingSlash("/signin/").isEmpty());
    assertTrue(Routes.withTrailingSlash("/nothing").isEmpty());
  }

  @Test
  void theOpenRedirectGuardKeepsPathsOfThisApplicationOnly() {
    assertEquals(Optional.of("/pads/3/?page=2"), Routes.localPath("/pads/3/?page=2", ""));
    assertEquals(Optional.of("/"), Routes.localPath("/", ""));
    assertEquals(Optional.of("/notes/1/"), Routes.localPath("/app/notes/1/", "/app"));
    // Browsers take these to another host.
    assertTrue(Routes.localPath("//evil.example/", "").isEmpty());
    assertTrue(Routes.localPath("/\\evil.example/", "").isEmpty());
    assertTrue(Routes.localPath("https://evil.example/", "").isEmpty());
    assertTrue(Routes.localPath("/app//evil.example/", "/app").isEmpty());
    // Outside the application, or another application sharing the prefix.
    assertTrue(Routes.localPath("/other/notes/1/", "/app").isEmpty());
    assertTrue(Routes.localPath("/application/", "/app").isEmpty());
    assertTrue(Routes.localPath("", "").isEmpty());
    assertTrue(Routes.localPath(null, "").isEmpty());
  }

  private static void assertRoundTrip(String path, String template, String name, String value) {
    Routes.Match match = Routes.match(path).orElseThrow(() -> new AssertionError(path));
    assertEquals(template, match.route().template(), path);
    assertEquals(Map.of(name, value), match.parameters(), path);
  }
}
