package net.notejam.infrastructure;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Password hashes with Jakarta Security's PBKDF2 (HMAC-SHA512, 32-byte salt). A hash records its
 * own parameters, so raising the iterations later leaves existing hashes valid.
 *
 * <p>A hash costs a fifth of a second of one core, by design. At most one processor less than the
 * server has (and at least one) hash at a time; other sign-ins wait their turn: a burst of sign-ins
 * (the start of the working day, or someone trying passwords) can then take all but one core, and
 * the pages of the people already signed in keep theirs (README "Performance"). A sign-in that
 * waited longer than {@code notejam.password.queue-timeout} fails with the error page rather than
 * hold its request thread longer.
 */
@ApplicationScoped
public class PasswordHashing {

  @Inject private Pbkdf2PasswordHash pbkdf2;

  @Inject
  @ConfigProperty(name = "notejam.password.iterations")
  private int iterations;

  @Inject
  @ConfigProperty(name = "notejam.password.queue-timeout")
  private Duration queueTimeout;

  /** Hash of a random password, verified against when there is no account (same timing). */
  private String decoyHash;

  private final Semaphore hashing =
      new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors() - 1), true);

  @PostConstruct
  void configure() {
    pbkdf2.initialize(
        Map.of(
            "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
            "Pbkdf2PasswordHash.Iterations", Integer.toString(iterations),
            "Pbkdf2PasswordHash.SaltSizeBytes", "32",
            "Pbkdf2PasswordHash.KeySizeBytes", "64"));
    decoyHash = pbkdf2.generate(Long.toHexString(System.nanoTime()).toCharArray());
  }

  public String hash(String password) {
    return inTurn(() -> pbkdf2.generate(password.toCharArray()));
  }

  /** True when {@code password} matches {@code hash}; a null hash spends the same time. */
  public boolean matches(String password, String hash) {
    boolean matches =
        inTurn(() -> pbkdf2.verify(password.toCharArray(), hash == null ? decoyHash : hash));
    return hash != null && matches;
  }

  private <T> T inTurn(Supplier<T> work) {
    try {
      if (!hashing.tryAcquire(queueTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new IllegalStateException("Password hashing busy for over " + queueTimeout);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting to hash a password", e);
    }
    try {
      return work.get();
    } finally {
      hashing.release();
    }
  }
}
