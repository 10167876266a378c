package net.notejam.infrastructure;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Password hashes with Jakarta Security's PBKDF2 (HMAC-SHA512, 32-byte salt). A hash records its
 * own parameters, so raising the iterations later leaves existing hashes valid.
 */
@ApplicationScoped
public class PasswordHashing {

  @Inject private Pbkdf2PasswordHash pbkdf2;

  @Inject
  @ConfigProperty(name = "notejam.password.iterations")
  private int iterations;

  /** Hash of a random password, verified against when there is no account (same timing). */
  private String decoyHash;

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
    return pbkdf2.generate(password.toCharArray());
  }

  /** True when {@code password} matches {@code hash}; a null hash spends the same time. */
  public boolean matches(String password, String hash) {
    boolean matches = pbkdf2.verify(password.toCharArray(), hash == null ? decoyHash : hash);
    return hash != null && matches;
  }
}
