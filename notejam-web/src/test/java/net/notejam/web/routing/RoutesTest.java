package net.notejam.web.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RoutesTest {

  @Test
  void notejamUrlsMapToTheirViews() {
    assertEquals("/notes/list.xhtml", Routes.match("/").orElseThrow().forwardPath());
    assertEquals("/account/signup.xhtml", Routes.match("/signup/").orElseThrow().forwardPath());
    assertEquals("/account/signin.xhtml", Routes.match("/signin/").orElseThrow().forwardPath());
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
    assertEquals(
        "/pads/edit.xhtml?id=12",
        new Routes.Match(route, route.match("/pads/12/edit/").orElseThrow()).forwardPath());
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
