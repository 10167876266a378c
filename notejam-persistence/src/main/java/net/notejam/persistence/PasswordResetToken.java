package net.notejam.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * A password reset link sent to a user: valid until {@code expiresAt}, usable once. Holds the hash
 * of the token in the link, never the token itself.
 */
@Entity
@Table(name = "password_reset_tokens")
public class PasswordResetToken {

  static final String BY_HASH = "PasswordResetToken.byHash";
  static final String COUNT_SINCE = "PasswordResetToken.countSince";
  static final String USE_ALL_OF = "PasswordResetToken.useAllOf";
  static final String DELETE_ALL_OF = "PasswordResetToken.deleteAllOf";

  @Id
  @SequenceGenerator(
      name = "password_reset_token_ids",
      sequenceName = "password_reset_token_ids",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "password_reset_token_ids")
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "user_id", nullable = false, updatable = false)
  private User user;

  @Column(name = "token_hash", nullable = false, updatable = false, length = 64)
  private String tokenHash;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "expires_at", nullable = false, updatable = false)
  private Instant expiresAt;

  @Column(name = "used_at")
  private Instant usedAt;

  protected PasswordResetToken() {
    // for JPA
  }

  public PasswordResetToken(User user, String tokenHash, Instant createdAt, Instant expiresAt) {
    this.user = Objects.requireNonNull(user);
    this.tokenHash = Objects.requireNonNull(tokenHash);
    this.createdAt = Objects.requireNonNull(createdAt);
    this.expiresAt = Objects.requireNonNull(expiresAt);
  }

  /** True when the link may still be used at {@code now}: not used, not expired. */
  public boolean isUsableAt(Instant now) {
    return usedAt == null && now.isBefore(expiresAt);
  }

  public User getUser() {
    return user;
  }
}
