package net.notejam.it.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Drives Notejam over HTTP the way a browser does: keeps cookies, follows redirects, reads a form
 * with its hidden fields (the Faces view state among them), fills it in and posts it.
 */
public final class Browser {

  public static final URI BASE =
      URI.create(System.getProperty("notejam.url", "http://localhost:9081"));

  /** The test server's management endpoint: /health and /metrics, which {@link #BASE} lacks. */
  public static final URI MANAGEMENT =
      URI.create(System.getProperty("notejam.management.url", "http://localhost:9091"));

  /** Sent as X-Request-Id on every request when set, to find this browser's lines in the log. */
  private final String requestId;

  /** The server this browser talks to: the test server, or another (a load balancer, say). */
  private final URI base;

  public Browser() {
    this(null);
  }

  /** A browser at the test server's management endpoint, as the kubelet or Prometheus. */
  public static Browser management() {
    return new Browser(MANAGEMENT, null);
  }

  public Browser(String requestId) {
    this(BASE, requestId);
  }

  public Browser(URI base, String requestId) {
    this(base, requestId, null);
  }

  /**
   * A browser at {@code base} whose requests carry {@code X-Forwarded-For: forwardedFor}, as if a
   * trusted load balancer had seen them come from that client address.
   */
  public Browser(URI base, String requestId, String forwardedFor) {
    this.base = base;
    this.requestId = requestId;
    this.forwardedFor = forwardedFor;
  }

  /** Sent as X-Forwarded-For on every request when set (the test server trusts one proxy). */
  private final String forwardedFor;

  private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
  private final HttpClient http = client(HttpClient.Redirect.NORMAL);
  private final HttpClient noRedirects = client(HttpClient.Redirect.NEVER);

  /** A client sharing this browser's cookies. */
  private HttpClient client(HttpClient.Redirect redirects) {
    return HttpClient.newBuilder()
        // HTTP/1.1 as browsers speak it over plain HTTP (the JDK would try an h2c upgrade).
        .version(HttpClient.Version.HTTP_1_1)
        .cookieHandler(cookies)
        .followRedirects(redirects)
        .connectTimeout(Duration.ofSeconds(10))
        .build();
  }

  /** The value of this browser's cookie {@code name}, or null when it holds none. */
  public String cookie(String name) {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals(name))
        .map(java.net.HttpCookie::getValue)
        .findFirst()
        .orElse(null);
  }

  /**
   * Gives this browser the cookie {@code name} = {@code value}, as someone who copied it from
   * another browser would.
   */
  public void setCookie(String name, String value) {
    java.net.HttpCookie cookie = new java.net.HttpCookie(name, value);
    cookie.setPath("/");
    cookie.setVersion(0);
    cookies.getCookieStore().add(base, cookie);
  }

  /** GET {@code path}, following redirects. */
  public Page get(String path) {
    return send(http, HttpRequest.newBuilder(base.resolve(path)).GET());
  }

  /** GET {@code path} without following a redirect (to read its status and Location). */
  public Page getOnce(String path) {
    return send(noRedirects, HttpRequest.newBuilder(base.resolve(path)).GET());
  }

  /** GET {@code path} as bytes (a download), following redirects. */
  public HttpResponse<byte[]> download(String path) {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).GET();
    if (requestId != null) {
      request.header("X-Request-Id", requestId);
    }
    try {
      return http.send(
          request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Submits the form {@code formId} of {@code page} with the button {@code button}: its current
   * fields (hidden ones included), with {@code values} put in by field id (without the form
   * prefix).
   */
  public Page submit(Page page, String formId, Map<String, String> values, String button) {
    return submitTo(page, formId, values, button, null);
  }

  /** Like {@link #submit}, but returns the post's own answer (a 303, say) without following it. */
  public Page submitOnce(Page page, String formId, Map<String, String> values, String button) {
    return post(noRedirects, page, formId, values, button, null);
  }

  /**
   * Like {@link #submit}, but posts to {@code path} instead of the form's action: what someone
   * tampering with a form would do.
   */
  public Page submitTo(
      Page page, String formId, Map<String, String> values, String button, String path) {
    return post(http, page, formId, values, button, path);
  }

  private Page post(
      HttpClient client,
      Page page,
      String formId,
      Map<String, String> values,
      String button,
      String path) {
    Element form = form(page, formId);
    String body =
        fields(form, formId, values, button).entrySet().stream()
            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"));
    URI action = page.uri().resolve(path != null ? path : form.attr("action"));
    return send(
        client,
        HttpRequest.newBuilder(action)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /**
   * Submits the multipart form {@code formId} of {@code page} with the button {@code button}, the
   * file {@code content} (named {@code fileName}) in its file field {@code fileId}: an upload.
   */
  public Page submitFile(
      Page page, String formId, String fileId, String fileName, byte[] content, String button) {
    Element form = form(page, formId);
    String boundary = "----notejam-it-" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    fields(form, formId, Map.of(), button)
        .forEach(
            (name, value) ->
                body.writeBytes(
                    ("--"
                            + boundary
                            + "\r\nContent-Disposition: form-data; name=\""
                            + name
                            + "\"\r\n\r\n"
                            + value
                            + "\r\n")
                        .getBytes(StandardCharsets.UTF_8)));
    body.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\""
                + formId
                + ":"
                + fileId
                + "\"; filename=\""
                + fileName
                + "\"\r\nContent-Type: application/zip\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return send(
        http,
        HttpRequest.newBuilder(page.uri().resolve(form.attr("action")))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }

  private static Element form(Page page, String formId) {
    Element form = page.document().getElementById(formId);
    if (form == null) {
      throw new AssertionError("No form " + formId + " on " + page.uri() + ":\n" + page.body());
    }
    return form;
  }

  /** The fields a form posts: its current ones, {@code values} put in by id, and the button. */
  private static Map<String, String> fields(
      Element form, String formId, Map<String, String> values, String button) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (Element input : form.select("input, textarea, select")) {
      String name = input.attr("name");
      String type = input.attr("type");
      if (name.isEmpty() || type.equals("submit") || type.equals("file")) {
        continue;
      }
      if (input.tagName().equals("select")) {
        Element selected = input.selectFirst("option[selected]");
        fields.put(name, selected == null ? "" : selected.attr("value"));
      } else if (input.tagName().equals("textarea")) {
        fields.put(name, input.text());
      } else {
        fields.put(name, input.attr("value"));
      }
    }
    values.forEach((id, value) -> fields.put(formId + ":" + id, value));
    fields.put(formId + ":" + button, "submit");
    return fields;
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private Page send(HttpClient client, HttpRequest.Builder request) {
    if (requestId != null) {
      request.header("X-Request-Id", requestId);
    }
    if (forwardedFor != null) {
      request.header("X-Forwarded-For", forwardedFor);
    }
    try {
      HttpResponse<String> response =
          client.send(
              request.timeout(Duration.ofSeconds(60)).build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      Document document = Jsoup.parse(response.body(), response.uri().toString());
      return new Page(
          response.statusCode(),
          response.uri(),
          response.headers().map(),
          document,
          response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
