package net.notejam.web.routing;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * Serves each Notejam URL by forwarding to its view, adds the trailing slash Notejam URLs have
 * ({@code /signin} → 301 {@code /signin/}), and answers 404 for anything else that is not an asset
 * (a view file asked for directly, an unknown path). Mapped in web.xml, after the request
 * observation filter.
 */
public class PrettyUrlFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    String path = Routes.pathOf(req);
    Optional<Routes.Match> match = Routes.match(path);
    if (match.isPresent()) {
      match.get().parameters().forEach((name, value) -> PathParameters.put(req, name, value));
      req.getRequestDispatcher(match.get().route().viewId()).forward(req, res);
      return;
    }
    Optional<Routes.Match> slashed = Routes.withTrailingSlash(path);
    if (slashed.isPresent()) {
      String query = req.getQueryString();
      res.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
      res.setHeader(
          "Location",
          req.getContextPath() + slashed.get().path() + (query == null ? "" : "?" + query));
    } else if (Routes.isAsset(path) || Routes.isServlet(path)) {
      chain.doFilter(req, res);
    } else {
      // Anything else (a view file asked for directly, an unknown path) is not a page.
      res.sendError(HttpServletResponse.SC_NOT_FOUND);
    }
  }
}
