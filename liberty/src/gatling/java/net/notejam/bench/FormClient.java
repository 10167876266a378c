package net.notejam.bench;

import java.io.IOException;
import java.net.CookieManager;
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

/** One person's browser, enough for Faces forms: cookies kept, redirects not followed. */
final class FormClient {

  private final CookieManager cookies = new CookieManager();

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .cookieHandler(cookies)
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  /** Signs in through the sign-in form (a 303 is expected). */
  void signIn(String email, String password) throws IOException, InterruptedException {
    submit("/signin/", "signin", Map.of("email", email, "password", password), "submit");
  }

  /**
   * Posts the form {@code formId} of the page at {@code path} with every field it has, the given
   * values (by field id) and the button; returns where the server redirects (a 303 is expected).
   */
  String submit(String path, String formId, Map<String, String> values, String button)
      throws IOException, InterruptedException {
    HttpResponse<String> page = send(HttpRequest.newBuilder(uri(path)).GET());
    Document doc = Jsoup.parse(page.body(), uri(path).toString());
    Element form = doc.getElementById(formId);
    if (page.statusCode() != 200 || form == null) {
      throw new IllegalStateException("No form " + formId + " at " + path + ": " + page.body());
    }
    Map<String, String> fields = new LinkedHashMap<>();
    for (Element input : form.select("input[name], textarea[name], select[name]")) {
      String type = input.attr("type");
      if (!type.equals("submit") && !type.equals("button")) {
        fields.put(input.attr("name"), input.val());
      }
    }
    values.forEach((id, value) -> fields.put(formId + ":" + id, value));
    Element submit = form.selectFirst("[name=" + formId + ":" + button + "]");
    fields.put(formId + ":" + button, submit == null ? "" : submit.val());
    String body =
        fields.entrySet().stream()
            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"));
    HttpResponse<String> answer =
        send(
            HttpRequest.newBuilder(URI.create(form.absUrl("action")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    if (answer.statusCode() != 303) {
      throw new IllegalStateException(
          "Posting "
              + formId
              + " at "
              + path
              + " answered "
              + answer.statusCode()
              + ": "
              + answer.body());
    }
    return answer.headers().firstValue("Location").orElseThrow();
  }

  /** The value of a Cookie header carrying this browser's cookies for the server (the session). */
  String cookieHeader() {
    return cookies.getCookieStore().get(uri("/")).stream()
        .map(c -> c.getName() + "=" + c.getValue())
        .collect(Collectors.joining("; "));
  }

  private HttpResponse<String> send(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    return http.send(
        request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static URI uri(String path) {
    return URI.create(Settings.URL + path);
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
