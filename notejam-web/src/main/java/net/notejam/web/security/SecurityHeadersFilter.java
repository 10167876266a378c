package net.notejam.web.security;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import net.notejam.web.routing.Routes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The browser protections that depend on Notejam's settings and pages (web.xml maps it to every
 * path for requests, forwards and error pages): HSTS when the public address is https, and no
 * caching of any page (a signed-in page shows notes; only the static files may be cached). The
 * fixed ones (Content Security Policy, nosniff, framing, referrer, permissions) are set by the
 * server on every response, the sign-in gate's redirects included (server.xml, httpEndpoint).
 */
public class SecurityHeadersFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  /** {@code auto} (HSTS when {@code notejam.base-url} is https), {@code on} or {@code off}. */
  @Inject
  @ConfigProperty(name = "notejam.security.hsts")
  private String hsts;

  @Inject
  @ConfigProperty(name = "notejam.security.hsts-max-age")
  private long hstsMaxAge;

  @Inject
  @ConfigProperty(name = "notejam.base-url")
  private String baseUrl;

  /** Worked out once from the settings, which do not change while the server runs. */
  private Optional<String> strictTransportSecurity;

  @Override
  public void init() {
    strictTransportSecurity = strictTransportSecurity(hsts, baseUrl, hstsMaxAge);
  }

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    strictTransportSecurity.ifPresent(value -> res.setHeader("Strict-Transport-Security", value));
    if (!Routes.isAsset(Routes.pathOf(req))) {
      res.setHeader("Cache-Control", "no-store");
    }
    chain.doFilter(req, res);
  }

  /**
   * The Strict-Transport-Security value for the setting {@code mode} ({@code auto}, {@code on},
   * {@code off}) and the public address {@code baseUrl}, or empty when none is sent: {@code auto}
   * sends it only when the public address is https (a browser ignores it over http, and a local
   * http address must not be pinned to https).
   */
  static Optional<String> strictTransportSecurity(String mode, String baseUrl, long maxAge) {
    boolean on =
        switch (mode.trim().toLowerCase(Locale.ROOT)) {
          case "on" -> true;
          case "off" -> false;
          case "auto" -> "https".equalsIgnoreCase(URI.create(baseUrl.trim()).getScheme());
          default ->
              throw new IllegalArgumentException(
                  "notejam.security.hsts must be auto, on or off, not " + mode);
        };
    return on ? Optional.of("max-age=" + maxAge) : Optional.empty();
  }
}
