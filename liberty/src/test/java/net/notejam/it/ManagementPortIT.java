package net.notejam.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import net.notejam.it.support.Browser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * /health and /metrics exist only on the management port, which the kubelet, the load balancer's
 * health check and Prometheus call; the application's port, the one the public ingress routes to,
 * does not serve them under any Host header, and the management port serves no page.
 */
class ManagementPortIT {

  /** Host headers the application port gets: direct, from the ALB (no port), from the Service. */
  private static final String[] PUBLIC_HOSTS = {
    "localhost:" + Browser.BASE.getPort(),
    "notejam.example.com",
    "notejam:80",
    "notejam.example.com:443"
  };

  @ParameterizedTest
  @ValueSource(strings = {"/metrics", "/metrics/", "/health", "/health/ready", "/health/live"})
  void theApplicationPortHasNoManagementPath(String path) throws IOException {
    for (String host : PUBLIC_HOSTS) {
      Answer answer = get(Browser.BASE, path, host);
      assertNotEquals(200, answer.status(), host + path + " must not be served: " + answer.head());
      assertFalse(answer.text().contains("\"status\""), host + path + ": a health answer");
      assertFalse(answer.text().contains("# TYPE"), host + path + ": a metrics scrape");
    }
    Answer ready = get(Browser.MANAGEMENT, path, "10.0.1.23:" + Browser.MANAGEMENT.getPort());
    assertEquals(200, ready.status(), "the management port serves " + path + ": " + ready.head());
  }

  @ParameterizedTest
  @ValueSource(strings = {"/signin/", "/signup/", "/", "/css/notejam.css"})
  void theManagementPortServesNoPageAndTheApplicationPortDoes(String path) throws IOException {
    assertEquals(404, get(Browser.MANAGEMENT, path, "localhost").status(), path);
    int expected = path.equals("/") ? 302 : 200; // all notes: a visitor is sent to sign in
    for (String host : PUBLIC_HOSTS) {
      assertEquals(expected, get(Browser.BASE, path, host).status(), host + path);
    }
  }

  /** One GET with the Host header given (HttpClient does not let a caller set it). */
  private static Answer get(URI server, String path, String host) throws IOException {
    try (Socket socket = new Socket(server.getHost(), server.getPort())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(text.startsWith("HTTP/1.1 "), "an HTTP answer: " + text);
      return new Answer(Integer.parseInt(text.substring(9, 12)), text);
    }
  }

  private record Answer(int status, String text) {
    String head() {
      return text.lines().findFirst().orElse("");
    }
  }
}
