package net.notejam.web.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
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
}
