package net.notejam.it.support;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** A page as Notejam served it, with what a person reads on it. */
public record Page(
    int status, URI uri, Map<String, List<String>> headers, Document document, String body) {

  /** The path the browser ended at, such as {@code /signin/}. */
  public String path() {
    return uri.getPath();
  }

  /** The page title next to "notejam:", such as "All notes (3)". */
  public String title() {
    Element title = document.selectFirst("h1 .page-title");
    return title == null ? "" : title.text();
  }

  public List<String> successes() {
    return document.select(".messages .alert-success").eachText();
  }

  public List<String> errors() {
    return document.select(".messages .alert-error").eachText();
  }

  /** The error shown under the field {@code formId:fieldId}, or "" if none. */
  public String fieldError(String formId, String fieldId) {
    Element input = document.getElementById(formId + ":" + fieldId);
    if (input == null) {
      throw new AssertionError("No field " + formId + ":" + fieldId + " on " + uri);
    }
    Element next = input.nextElementSibling();
    return next != null && next.hasClass("field-error") ? next.text() : "";
  }

  /** The email shown in the account bar when someone is signed in, or "" for a visitor. */
  public String signedInAs() {
    Element email = document.selectFirst(".account-bar .account-email");
    return email == null ? "" : email.text().replaceAll(":$", "");
  }

  public String header(String name) {
    return headers.getOrDefault(name.toLowerCase(), List.of()).stream().findFirst().orElse("");
  }
}
