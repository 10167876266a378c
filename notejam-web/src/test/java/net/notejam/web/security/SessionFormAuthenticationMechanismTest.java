package net.notejam.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SessionFormAuthenticationMechanismTest {

  @Test
  void theAskedForPageIsGivenOnceThenForgotten() {
    Map<String, Object> session = new HashMap<>();
    session.put(SessionFormAuthenticationMechanism.ASKED_FOR, "/pads/3/?order=name");
    HttpServletRequest request = request("", session);

    assertEquals("/pads/3/?order=name", SessionFormAuthenticationMechanism.takeAskedFor(request));
    assertNull(SessionFormAuthenticationMechanism.takeAskedFor(request));
  }

  @Test
  void anAskedForPageOnAnotherSiteIsDropped() {
    String[] elsewhere = {"//evil.example/", "/\\evil.example/", "http://evil.example/"};
    for (String asked : elsewhere) {
      Map<String, Object> session = new HashMap<>();
      session.put(SessionFormAuthenticationMechanism.ASKED_FOR, asked);

      assertNull(SessionFormAuthenticationMechanism.takeAskedFor(request("", session)), asked);
      assertNull(session.get(SessionFormAuthenticationMechanism.ASKED_FOR), "forgotten: " + asked);
    }
  }

  @Test
  void withoutASessionNothingWasAskedFor() {
    assertNull(SessionFormAuthenticationMechanism.takeAskedFor(request("", null)));
  }

  /** A request of context path {@code contextPath} with a session of {@code attributes}. */
  private static HttpServletRequest request(String contextPath, Map<String, Object> attributes) {
    HttpSession session =
        attributes == null
            ? null
            : proxy(
                HttpSession.class,
                (method, args) ->
                    switch (method) {
                      case "getAttribute" -> attributes.get((String) args[0]);
                      case "removeAttribute" -> attributes.remove((String) args[0]);
                      default -> throw new UnsupportedOperationException(method);
                    });
    return proxy(
        HttpServletRequest.class,
        (method, args) ->
            switch (method) {
              case "getContextPath" -> contextPath;
              case "getSession" -> session;
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
