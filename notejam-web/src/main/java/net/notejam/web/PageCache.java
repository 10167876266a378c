package net.notejam.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;
import net.notejam.infrastructure.DatabaseMigration;
import net.notejam.web.routing.Routes;
import net.notejam.web.security.SessionFormAuthenticationMechanism;
import net.notejam.web.security.SessionFormAuthenticationMechanism.SignedInUser;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Keeps the signed-in pages that only show (the note lists, a note, the trash, search results) for
 * the sign-in that asked, and serves one again while the user's content version is the one it was
 * made at (README "Performance"). Made of the user's pads and notes alone, such a page changes only
 * when they do, and every write of them adds one to the version, in the database whoever writes
 * (V10's triggers); the version comes with the sign-in read that every signed-in request makes
 * anyway, so a write on any instance is seen at once on every other. Its dates ("Today at 10:12",
 * "3 days ago") change with the day, so a page is kept for the day it was made on only.
 *
 * <p>Kept per sign-in, never across users or sign-ins (a page carries its sign-in's form token);
 * only a 200 text/html answer that set no cookie, to a GET that brought no message to show; in
 * memory, bounded by {@code notejam.page-cache.max-bytes} (0: none kept), least recently used out
 * first, and gone after the idle timeout unused; on PostgreSQL only, whose triggers count the
 * versions (not on the embedded H2, see {@link DatabaseMigration#countsContentVersions}). Nothing
 * is served while the database is away: the sign-in read fails before this filter is reached.
 */
public class PageCache extends HttpFilter {

  private static final long serialVersionUID = 1L;

  /** The routes whose GET only shows the user's pads and notes. */
  private static final Set<String> SHOWING =
      Set.of(
          Routes.HOME, Routes.PAD.template(), Routes.NOTE.template(), Routes.TRASH, Routes.SEARCH);

  /** Per entry, besides its body: its key, headers and bookkeeping, roughly. */
  private static final int ENTRY_OVERHEAD = 512;

  private static final Metadata LOOKUPS =
      Metadata.builder()
          .withName("notejam.page.cache")
          .withDescription(
              "Signed-in pages that could be kept: served from the cache (hit) or made (miss)")
          .build();

  @Inject
  @ConfigProperty(name = "notejam.page-cache.max-bytes")
  private long maxBytes;

  @Inject
  @ConfigProperty(name = "notejam.session.idle-timeout")
  private Duration idleTimeout;

  @Inject
  @ConfigProperty(name = "notejam.time-zone")
  private String zone;

  @Inject private MetricRegistry metrics;
  @Inject private DatabaseMigration migration;

  private transient Cache<Key, Page> pages;
  private transient Clock clock;

  /** A page's place: the sign-in (by its form token, which the page carries) and the URL. */
  record Key(String formToken, String uri) {}

  @Override
  public void init() {
    clock = Clock.system(ZoneId.of(zone));
    if (maxBytes > 0 && migration.countsContentVersions()) {
      pages =
          Caffeine.newBuilder()
              .maximumWeight(maxBytes)
              .weigher((Key k, Page p) -> ENTRY_OVERHEAD + 2 * k.uri().length() + p.weight())
              .expireAfterAccess(idleTimeout)
              .build();
    }
  }

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    Optional<SignedInUser> user = keepable(req);
    if (user.isEmpty()) {
      chain.doFilter(req, res);
      return;
    }
    String query = req.getQueryString();
    Key key =
        new Key(user.get().formToken(), req.getRequestURI() + (query == null ? "" : "?" + query));
    long version = user.get().contentVersion();
    LocalDate today = LocalDate.now(clock);
    Page kept = pages.getIfPresent(key);
    if (kept != null && kept.isFor(version, today)) {
      count("hit");
      kept.writeTo(res);
      return;
    }
    count("miss");
    PageCapture capture = new PageCapture(res, maxBytes / 8);
    chain.doFilter(req, capture);
    capture
        .finish()
        .ifPresentOrElse(
            answer -> pages.put(key, new Page(version, today, answer)),
            () -> pages.invalidate(key));
  }

  /** The signed-in user when this request's answer may be kept or served from the cache. */
  private Optional<SignedInUser> keepable(HttpServletRequest req) {
    if (pages == null
        || !"GET".equals(req.getMethod())
        || Cookies.token(req, Notices.COOKIE).isPresent()) {
      return Optional.empty();
    }
    return SessionFormAuthenticationMechanism.signedIn(req)
        .filter(
            u -> u.contentVersion() != SessionFormAuthenticationMechanism.CONTENT_VERSION_UNREAD)
        .filter(
            u ->
                Routes.match(Routes.pathOf(req))
                    .map(m -> SHOWING.contains(m.route().template()))
                    .orElse(false));
  }

  private void count(String outcome) {
    metrics.counter(LOOKUPS, new Tag("outcome", outcome)).inc();
  }

  /** A kept page: the content version and day it was made at, and its answer. */
  record Page(long contentVersion, LocalDate day, PageCapture.Answer answer) {

    boolean isFor(long version, LocalDate today) {
      return contentVersion == version && day.equals(today);
    }

    int weight() {
      return answer.weight();
    }

    void writeTo(HttpServletResponse res) throws IOException {
      answer.writeTo(res);
    }
  }
}
