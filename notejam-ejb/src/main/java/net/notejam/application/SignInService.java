package net.notejam.application;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import net.notejam.persistence.SignIns;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Signed-in sessions, kept in the database rather than in a server's memory or an HTTP session: any
 * instance serves any request of a signed-in user, and a signed-in page writes nothing (README
 * "Sessions"). The browser holds a random token in a cookie; the database only its SHA-256.
 *
 * <p>A sign-in ends when its user signs out, when it has not been seen for {@code
 * notejam.session.idle-timeout}, {@code notejam.session.absolute-lifetime} after it began however
 * active, when the user's password changes elsewhere (or is reset), and when the account closes.
 */
@Stateless
public class SignInService extends ApplicationService {

  /** How often, at most, a sign-in's last seen time is written: a tenth of the idle timeout. */
  private static final int SEEN_WRITES_PER_IDLE_TIMEOUT = 10;

  @Inject
  @ConfigProperty(name = "notejam.session.absolute-lifetime")
  private Duration absoluteLifetime;

  @Inject
  @ConfigProperty(name = "notejam.session.idle-timeout")
  private Duration idleTimeout;

  /** A new sign-in: the token for the browser's cookie, and the token its forms carry. */
  public record Started(String token, String formToken) {}

  /**
   * A valid sign-in: its user, their email, its forms' token, whether to call {@link #seen}, and
   * the user's content version (one more at every write of their pads or notes, by any instance).
   */
  public record SignedIn(
      long userId, String email, String formToken, boolean seenLongAgo, long contentVersion) {}

  /**
   * Signs {@code userId} in (their password was checked) and forgets the sign-ins that have ended.
   */
  public Started start(long userId) {
    Started started = new Started(Tokens.random(), Tokens.random());
    Instant now = Instant.now();
    SignIns.record(
        em,
        Tokens.hash(started.token()),
        userId,
        started.formToken(),
        now,
        now.minus(absoluteLifetime),
        now.minus(idleTimeout));
    return started;
  }

  /**
   * The sign-in whose cookie holds {@code token}, if it is still valid. One read, no transaction:
   * asked on every signed-in request.
   */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Optional<SignedIn> find(String token) {
    if (!Tokens.isWellFormed(token)) {
      return Optional.empty();
    }
    Instant now = Instant.now();
    return SignIns.find(
            em,
            Tokens.hash(token),
            now.minus(absoluteLifetime),
            now.minus(idleTimeout),
            now.minus(idleTimeout.dividedBy(SEEN_WRITES_PER_IDLE_TIMEOUT)))
        .map(
            f ->
                new SignedIn(
                    f.userId(), f.email(), f.formToken(), f.seenLongAgo(), f.contentVersion()));
  }

  /** Records that the sign-in of {@code token} was just seen: its idle timeout starts again. */
  public void seen(String token) {
    if (Tokens.isWellFormed(token)) {
      SignIns.seen(em, Tokens.hash(token), Instant.now());
    }
  }

  /** Signs out: the sign-in of {@code token} ends, on every instance at once. */
  public void end(String token) {
    if (Tokens.isWellFormed(token)) {
      SignIns.end(em, Tokens.hash(token));
    }
  }
}
