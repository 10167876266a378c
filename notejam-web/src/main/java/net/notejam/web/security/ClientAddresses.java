package net.notejam.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The address of the client a request comes from, for the throttle and the log lines (one answer
 * for both, so an audit line names the address that was counted): the connection's address, or,
 * behind {@code notejam.throttle.trusted-proxies} proxies, the entry of {@code X-Forwarded-For}
 * that the outermost trusted proxy appended (entries further left are whatever the client sent).
 */
@ApplicationScoped
public class ClientAddresses {

  /** IPv4 or IPv6 (with an optional zone), nothing else: a header is no place for free text. */
  private static final Pattern ADDRESS = Pattern.compile("[0-9A-Fa-f.:]{2,45}(%[0-9A-Za-z]+)?");

  @Inject
  @ConfigProperty(name = "notejam.throttle.trusted-proxies")
  private int trustedProxies;

  /** The client address of {@code request}. */
  public String of(HttpServletRequest request) {
    return of(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"), trustedProxies);
  }

  static String of(String socketAddress, String forwardedFor, int trustedProxies) {
    if (trustedProxies <= 0 || forwardedFor == null) {
      return socketAddress;
    }
    String[] entries = forwardedFor.split(",");
    if (entries.length < trustedProxies) {
      return socketAddress;
    }
    String entry = entries[entries.length - trustedProxies].strip();
    return ADDRESS.matcher(entry).matches() ? entry : socketAddress;
  }
}
