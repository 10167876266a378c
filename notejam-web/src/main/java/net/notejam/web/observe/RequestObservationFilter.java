package net.notejam.web.observe;

import com.ibm.websphere.logging.hpel.LogRecordContext;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Pattern;
import net.notejam.web.routing.Routes;
import net.notejam.web.security.ClientAddresses;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Wraps every request (first in the chain, see web.xml): gives it a request id — the caller's
 * {@code X-Request-Id} when it is a sane one, else a new UUID — that goes back in the response,
 * into the access log and onto every JSON log line written meanwhile ({@code ext_requestId}); and
 * times it into {@code notejam_page_request_seconds} labelled by page (the route template, such as
 * {@code /pads/{id}/edit/}, never the raw URL, so there are few label values and no ids or tokens)
 * and status class. The client's address goes onto the request's log lines too ({@code
 * ext_clientAddress}, the same address the throttle counts), for the audit trail.
 */
public class RequestObservationFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  static final String REQUEST_ID = "X-Request-Id";

  /** The page label, echoed for the access log, which logs it instead of the raw path. */
  static final String PAGE = "X-Notejam-Page";

  static final String CLIENT_ADDRESS = "clientAddress";

  private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._:-]{8,64}");
  private static final Metadata PAGE_TIMER =
      Metadata.builder()
          .withName("notejam.page.request")
          .withDescription("Time to serve a Notejam page, by page and status class")
          .build();

  @Inject private MetricRegistry metrics;
  @Inject private ClientAddresses clientAddresses;

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    String requestId = req.getHeader(REQUEST_ID);
    if (requestId == null || !SANE_ID.matcher(requestId).matches()) {
      requestId = UUID.randomUUID().toString();
    }
    String page = page(Routes.pathOf(req));
    res.setHeader(REQUEST_ID, requestId);
    res.setHeader(PAGE, page);
    LogRecordContext.addExtension("requestId", requestId);
    LogRecordContext.addExtension(CLIENT_ADDRESS, clientAddresses.of(req));
    long start = System.nanoTime();
    boolean failed = true;
    try {
      chain.doFilter(req, res);
      failed = false;
    } finally {
      String status = failed ? "5xx" : res.getStatus() / 100 + "xx";
      metrics
          .timer(PAGE_TIMER, new Tag("page", page), new Tag("status", status))
          .update(Duration.ofNanos(System.nanoTime() - start));
      LogRecordContext.removeExtension("requestId");
      LogRecordContext.removeExtension(CLIENT_ADDRESS);
    }
  }

  /** The page a path belongs to: its route template, or one of a few fixed names. */
  static String page(String path) {
    if (Routes.isAsset(path)) {
      return "asset";
    }
    if (Routes.isServlet(path)) {
      return path;
    }
    return Routes.match(path)
        .map(m -> m.route().template())
        .or(() -> Routes.withTrailingSlash(path).map(m -> "redirect"))
        .orElse("other");
  }
}
