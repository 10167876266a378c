package net.notejam.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.util.Locale;
import java.util.Objects;

/** A person with a Notejam account. Only a password hash is ever kept, never the password. */
@Entity
@Table(name = "users")
public class User extends VersionedEntity {

  static final String BY_EMAIL = "User.byEmail";
  public static final int EMAIL_MAX_LENGTH = 254;

  @Id
  @SequenceGenerator(name = "user_ids", sequenceName = "user_ids", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "user_ids")
  private Long id;

  @Column(name = "email", nullable = false, unique = true, length = EMAIL_MAX_LENGTH)
  private String email;

  @Column(name = "password_hash", nullable = false, length = 512)
  private String passwordHash;

  /** One more with each password change: sessions signed in with an older one end. */
  @Column(name = "credentials_version", nullable = false)
  private long credentialsVersion;

  protected User() {
    // for JPA
  }

  public User(String email, String passwordHash) {
    this.email = normalizeEmail(Objects.requireNonNull(email));
    this.passwordHash = Objects.requireNonNull(passwordHash);
  }

  /** Emails are kept and compared without regard to case or surrounding blanks. */
  public static String normalizeEmail(String email) {
    return email.strip().toLowerCase(Locale.ROOT);
  }

  public Long getId() {
    return id;
  }

  public String getEmail() {
    return email;
  }

  public String getPasswordHash() {
    return passwordHash;
  }

  /**
   * Sets a new password hash; every session signed in with the old password is to end. Returns the
   * new credentials version, which only sessions signed in from now on carry.
   */
  public long changePasswordHash(String newPasswordHash) {
    this.passwordHash = Objects.requireNonNull(newPasswordHash);
    return ++credentialsVersion;
  }
}
