package net.notejam.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;
import net.notejam.application.error.InvalidInput;
import net.notejam.application.error.InvalidResetLink;
import net.notejam.application.input.InputRule;
import net.notejam.infrastructure.ActivityCounters.Activity;
import net.notejam.infrastructure.Mailer;
import net.notejam.infrastructure.PasswordHashing;
import net.notejam.persistence.PasswordResetToken;
import net.notejam.persistence.PasswordResetTokens;
import net.notejam.persistence.User;
import net.notejam.persistence.Users;

/**
 * Forgotten passwords: mails a single-use link that is valid for a limited time, and sets a new
 * password through it. Nobody can learn from it whether an address has an account.
 */
@Stateless
public class PasswordResetService extends ApplicationService {

  private static final Logger LOG = Logger.getLogger(PasswordResetService.class.getName());

  @Inject private PasswordHashing passwords;
  @Inject private Mailer mailer;

  @Inject private PasswordResetSettings settings;

  /**
   * Anyone may ask. If {@code email} has an account and has not asked too often in the last hour,
   * mails it a reset link; otherwise does nothing visible. Returns normally either way. {@code
   * pathOfToken} gives the path of the web page that takes a token, appended to the base URL.
   */
  public void requestReset(String email, UnaryOperator<String> pathOfToken) {
    Optional<User> user = Users.byEmail(em, email);
    if (user.isEmpty()) {
      return;
    }
    Instant now = Instant.now();
    long recent = PasswordResetTokens.countSince(em, user.get(), now.minus(Duration.ofHours(1)));
    if (recent >= settings.maxPerHour()) {
      counters.count(Activity.RESET_DROPPED);
      LOG.info(
          () -> "Password reset request dropped by the hourly limit: user " + user.get().getId());
      return;
    }
    String token = Tokens.random();
    em.persist(
        new PasswordResetToken(user.get(), Tokens.hash(token), now, now.plus(settings.lifetime())));
    counters.count(Activity.RESET_REQUESTED);
    mailer.send(
        user.get().getEmail(),
        "Reset your Notejam password",
        "Someone, hopefully you, asked to reset the password of your Notejam account.\n\n"
            + "To choose a new password, open this link within "
            + describe(settings.lifetime())
            + ":\n\n"
            + link(settings.baseUrl(), pathOfToken.apply(token))
            + "\n\n"
            + "The link works once. If you did not ask for it, ignore this mail: your password"
            + " stays as it is.\n");
    LOG.info(() -> "Password reset link mailed: user " + user.get().getId());
  }

  /** True when {@code token} is a link that can still be used; anyone may ask. */
  public boolean isUsable(String token) {
    return findToken(token).filter(t -> t.isUsableAt(Instant.now())).isPresent();
  }

  /**
   * Sets the password of the link's user to {@code newPassword} and makes this and every other
   * outstanding link of that user unusable. {@link InvalidResetLink} for an unknown, expired or
   * used link; {@link InvalidInput} for a password the rules refuse (the link stays usable).
   * Returns the id of the account whose password it set.
   */
  public long reset(String token, String newPassword) {
    PasswordResetToken link =
        findToken(token)
            .filter(t -> t.isUsableAt(Instant.now()))
            .orElseThrow(InvalidResetLink::new);
    InputRule.NEW_PASSWORD.check(newPassword);
    User user = link.getUser();
    user.changePasswordHash(passwords.hash(newPassword));
    PasswordResetTokens.useAllOf(em, user, Instant.now());
    LOG.info(() -> "Password reset through a mailed link: user " + user.getId());
    return user.getId();
  }

  private Optional<PasswordResetToken> findToken(String token) {
    if (token == null || token.length() > 100) {
      return Optional.empty();
    }
    return PasswordResetTokens.byHash(em, Tokens.hash(token));
  }

  /** {@code path} on {@code baseUrl}, whether or not the configured base ends with a slash. */
  static String link(String baseUrl, String path) {
    return baseUrl.replaceFirst("/+$", "") + path;
  }

  static String describe(Duration duration) {
    if (duration.toMinutes() >= 60 && duration.toMinutesPart() == 0) {
      long hours = duration.toHours();
      return hours == 1 ? "1 hour" : hours + " hours";
    }
    if (duration.toMinutes() >= 1 && duration.toSecondsPart() == 0) {
      long minutes = duration.toMinutes();
      return minutes == 1 ? "1 minute" : minutes + " minutes";
    }
    return duration.toSeconds() + " seconds";
  }
}
