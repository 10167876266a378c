package net.notejam.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import net.notejam.web.routing.Routes;
import org.junit.jupiter.api.Test;

class SessionFormAuthenticationMechanismTest {

  @Test
  void theAskedForPageIsTheSignInUrlsNextParameter() {
    assertEquals(
        "/pads/3/?order=name",
        SessionFormAuthenticationMechanism.askedFor(request("", "/pads/3/?order=name")));
    assertNull(SessionFormAuthenticationMechanism.askedFor(request("", null)));
  }

  @Test
  void anAskedForPageOnAnotherSiteIsDropped() {
    String[] elsewhere = {"//evil.example/", "/\\evil.example/", "http://evil.example/", ""};
    for (String asked : elsewhere) {
      assertNull(SessionFormAuthenticationMechanism.askedFor(request("", asked)), asked);
    }
  }

  @Test
  void theSignInUrlCarriesThePageAskedForUnlessItIsHome() {
    assertEquals("/signin/", Routes.signInThenTo("/", ""));
    assertEquals(
        "/signin/?next=%2Fpads%2F3%2F%3Forder%3Dname",
        Routes.signInThenTo("/pads/3/?order=name", ""));
    assertEquals("/signin/?next=%2Fnotes%2F7%2F", Routes.signInThenTo("/app/notes/7/", "/app"));
  }

  /** A request of context path {@code contextPath} whose parameter "next" is {@code next}. */
  private static HttpServletRequest request(String contextPath, String next) {
    return proxy(
        HttpServletRequest.class,
        (method, args) ->
            switch (method) {
              case "getContextPath" -> contextPath;
              case "getParameter" -> Routes.NEXT.equals(args[0]) ? next : null;
              default -> throw new UnsupportedOperationException(method);
            });
  }

  private interface Answer {
    Object answer(String method, Object[] args);
  }

  private static <T> T proxy(Class<T> type, Answer answer) {
    return type.cast(
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (p, method, args) -> answer.answer(method.getName(), args)));
  }
}
