package net.notejam.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Logger;
import net.notejam.infrastructure.ActivityCounters.Activity;
import net.notejam.infrastructure.AuditLog;
import net.notejam.infrastructure.AuditLog.AuditEvent;
import net.notejam.infrastructure.AuditLog.Outcome;
import net.notejam.persistence.ThrottleBucket;
import net.notejam.persistence.ThrottleBuckets;
import net.notejam.persistence.User;
import net.notejam.persistence.Users;

/**
 * Limits password guessing and form abuse, with its counts in the database so that every instance
 * sees the same ones. Per account: after {@code notejam.throttle.account.max-failures} failed
 * sign-ins, further attempts are refused for a lock-out that starts at {@code first-lockout} and
 * doubles with each lock-out up to {@code max-lockout}; a successful sign-in forgets the account's
 * failures. Accounts are keyed by a hash of the email, whether or not it has an account, so that
 * the answer is the same for both. Per client address: at most {@code max-failures} failed
 * sign-ins, {@code max-sign-ups} sign-ups and {@code max-reset-requests} reset requests in a window
 * of {@code notejam.throttle.address.window}; then refused until the window ends.
 */
@Stateless
public class Throttle extends ApplicationService {

  private static final Logger LOG = Logger.getLogger(Throttle.class.getName());

  /** About one failure in this many also deletes stale buckets, on whichever instance. */
  private static final int CLEAN_UP_EVERY = 100;

  /** The forms limited per client address. */
  public enum Form {
    SIGN_IN("signin"),
    SIGN_UP("signup"),
    PASSWORD_RESET("reset");

    private final String key;

    Form(String key) {
      this.key = key;
    }
  }

  @Inject private ThrottleSettings settings;

  /**
   * True when a sign-in as {@code email} from {@code address} is to be refused now, before any
   * password is checked (counted as throttled); anyone may ask, known and unknown emails alike.
   */
  public boolean refusesSignIn(String email, String address) {
    Instant now = Instant.now();
    boolean refused =
        ThrottleBuckets.find(em, accountKey(email)).filter(b -> b.isLockedAt(now)).isPresent()
            || ThrottleBuckets.find(em, addressKey(Form.SIGN_IN, address))
                .filter(b -> b.isLockedAt(now))
                .isPresent();
    if (refused) {
      counters.count(Activity.THROTTLED_SIGN_IN);
    }
    return refused;
  }

  /** Counts a failed sign-in as {@code email} from {@code address}; may start a lock-out. */
  public void signInFailed(String email, String address) {
    Instant now = Instant.now();
    // Always the account first, then the address: two instances never wait on each other's rows.
    ThrottleBucket account = ThrottleBuckets.lock(em, accountKey(email), now);
    if (!account.isLockedAt(now) && account.failedLastBefore(now.minus(settings.forgetAfter()))) {
      account.forget(now);
    }
    int failures = account.fail(now);
    if (failures >= settings.accountMaxFailures() || account.getLockouts() > 0) {
      Duration lockout =
          lockout(settings.firstLockout(), settings.maxLockout(), account.getLockouts());
      account.lockUntil(now.plus(lockout));
      account.restartWindow(now);
      LOG.info(() -> "Sign-in locked for " + lockout + " after repeated failures for an email");
      // The account's id if the email has one: the audit trail names accounts, never emails.
      AuditLog.record(
          AuditEvent.LOCKED_OUT,
          email == null ? null : Users.byEmail(em, email).map(User::getId).orElse(null),
          Outcome.FAILURE);
    }
    countAgainstAddress(Form.SIGN_IN, address, now, settings.addressMaxFailures(), true);
    if (ThreadLocalRandom.current().nextInt(CLEAN_UP_EVERY) == 0) {
      Duration unused =
          max(settings.forgetAfter(), max(settings.addressWindow(), settings.maxLockout()));
      int deleted = ThrottleBuckets.deleteStale(em, now.minus(unused), now);
      LOG.fine(() -> "Stale throttle buckets deleted: " + deleted);
    }
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  /** Forgets the failures counted against {@code email}, after it signed in successfully. */
  public void signInSucceeded(String email) {
    ThrottleBuckets.delete(em, accountKey(email));
  }

  /**
   * Counts one sign-up or reset request from {@code address}; true when it is to be refused
   * (counted as throttled, not carried out). Anyone may call.
   */
  public boolean refuses(Form form, String address) {
    int max =
        switch (form) {
          case SIGN_UP -> settings.addressMaxSignUps();
          case PASSWORD_RESET -> settings.addressMaxResetRequests();
          case SIGN_IN -> settings.addressMaxFailures();
        };
    boolean refused = !countAgainstAddress(form, address, Instant.now(), max, false);
    if (refused) {
      counters.count(
          switch (form) {
            case SIGN_UP -> Activity.THROTTLED_SIGN_UP;
            case PASSWORD_RESET -> Activity.THROTTLED_RESET;
            case SIGN_IN -> Activity.THROTTLED_SIGN_IN;
          });
    }
    return refused;
  }

  /**
   * Counts one more for {@code address} in its current window; false when the address is over
   * {@code max} (then nothing is counted). {@code lockAtMax}: lock as soon as the count reaches the
   * maximum (sign-in failures), rather than when one more comes (requests).
   */
  private boolean countAgainstAddress(
      Form form, String address, Instant now, int max, boolean lockAtMax) {
    ThrottleBucket bucket = ThrottleBuckets.lock(em, addressKey(form, address), now);
    if (bucket.isLockedAt(now)) {
      return false;
    }
    if (!now.isBefore(bucket.windowEnd(settings.addressWindow()))) {
      bucket.restartWindow(now);
    }
    Instant windowEnd = bucket.windowEnd(settings.addressWindow());
    if (bucket.getFailures() >= max) {
      bucket.lockUntil(windowEnd);
      return false;
    }
    if (bucket.fail(now) >= max && lockAtMax) {
      bucket.lockUntil(windowEnd);
      LOG.info(() -> "Sign-in locked for a client address until " + windowEnd);
      AuditLog.record(AuditEvent.LOCKED_OUT, null, Outcome.FAILURE);
    }
    return true;
  }

  /** The {@code n}th lock-out's length (from 0): the first, doubled n times, at most the max. */
  static Duration lockout(Duration firstLockout, Duration maxLockout, int n) {
    Duration lockout = firstLockout;
    for (int i = 0; i < n && lockout.compareTo(maxLockout) < 0; i++) {
      lockout = lockout.multipliedBy(2);
    }
    return lockout.compareTo(maxLockout) > 0 ? maxLockout : lockout;
  }

  /** An account's key: a hash of its normalized email, so no typed email is stored. */
  static String accountKey(String email) {
    String normalized = email == null ? "" : User.normalizeEmail(email);
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return "account:"
          + HexFormat.of().formatHex(sha256.digest(normalized.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java platform", e);
    }
  }

  static String addressKey(Form form, String address) {
    String key = form.key + ":" + address;
    return key.length() > ThrottleBucket.KEY_MAX_LENGTH
        ? key.substring(0, ThrottleBucket.KEY_MAX_LENGTH)
        : key;
  }
}
