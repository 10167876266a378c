package net.notejam.application;

import jakarta.ejb.Stateless;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import net.notejam.persistence.KeptNotices;

/**
 * The messages of a form post ("Pad is successfully created") kept for the page that its redirect
 * shows, on whichever instance serves it: in the database, under a token the browser holds for a
 * few minutes in a cookie. Only a post that has a message writes; a page reads only when the
 * browser brings such a token.
 */
@Stateless
public class NoticeService extends ApplicationService {

  /** How long kept messages wait for their page: the redirect follows at once. */
  public static final Duration LIFETIME = Duration.ofMinutes(10);

  /** Keeps {@code messages} (cut to the longest kept); returns the token for the cookie. */
  public String keep(String messages) {
    String token = Tokens.random();
    Instant now = Instant.now();
    String kept =
        messages.length() > KeptNotices.MAX_LENGTH
            ? messages.substring(0, KeptNotices.MAX_LENGTH)
            : messages;
    KeptNotices.keep(em, Tokens.hash(token), kept, now, now.minus(LIFETIME));
    return token;
  }

  /** The messages kept under {@code token}, once: taking them deletes them. */
  public Optional<String> take(String token) {
    if (!Tokens.isWellFormed(token)) {
      return Optional.empty();
    }
    return KeptNotices.take(em, Tokens.hash(token), Instant.now().minus(LIFETIME));
  }
}
