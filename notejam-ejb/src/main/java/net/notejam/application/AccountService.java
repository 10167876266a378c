package net.notejam.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.util.Optional;
import java.util.logging.Logger;
import net.notejam.application.error.EmailAlreadyUsed;
import net.notejam.application.error.InvalidInput;
import net.notejam.application.error.WrongPassword;
import net.notejam.application.input.InputRule;
import net.notejam.infrastructure.ActivityCounters.Activity;
import net.notejam.infrastructure.PasswordHashing;
import net.notejam.infrastructure.SqlStates;
import net.notejam.persistence.SignIns;
import net.notejam.persistence.User;
import net.notejam.persistence.Users;

/** Accounts: sign up, check credentials, change a password. Passwords are only kept hashed. */
@Stateless
public class AccountService extends ApplicationService {

  private static final Logger LOG = Logger.getLogger(AccountService.class.getName());

  @Inject private PasswordHashing passwords;

  /**
   * Creates an account; anyone may call. Throws {@link EmailAlreadyUsed} when the email (ignoring
   * case) has an account already, also when two sign-ups race, and {@link InvalidInput} for an
   * email or password the rules refuse.
   */
  public Account signUp(String email, String password) {
    InputRule.DELIVERABLE_EMAIL.check(email);
    InputRule.NEW_PASSWORD.check(password);
    if (findUser(email).isPresent()) {
      throw new EmailAlreadyUsed();
    }
    User user = new User(email, passwords.hash(password));
    em.persist(user);
    try {
      em.flush();
    } catch (PersistenceException e) {
      if (SqlStates.isUniqueViolation(e)) {
        throw new EmailAlreadyUsed();
      }
      throw e;
    }
    counters.count(Activity.SIGNED_UP);
    LOG.info(() -> "Account created: user " + user.getId());
    return Account.of(user);
  }

  /**
   * The user with this email and password, or empty when either is wrong; anyone may call. Takes
   * the same time whether or not the email has an account.
   */
  public Optional<Account> authenticate(String email, String password) {
    if (!InputRule.PASSWORD.accepts(password)) {
      counters.count(Activity.SIGN_IN_FAILED);
      return Optional.empty();
    }
    Optional<User> user = findUser(email);
    boolean matches = passwords.matches(password, user.map(User::getPasswordHash).orElse(null));
    if (matches) {
      counters.count(Activity.SIGN_IN_SUCCEEDED);
    } else {
      counters.count(Activity.SIGN_IN_FAILED);
    }
    return matches ? user.map(Account::of) : Optional.empty();
  }

  /**
   * Changes the password of the signed-in user {@code userId} after checking the old one. Throws
   * {@link WrongPassword} when the old password is wrong, {@link InvalidInput} when the new one is
   * refused by the rules or equals the old one. The sign-in whose cookie holds {@code signInToken}
   * goes on with the new password, in the same transaction; every other sign-in of the user ends
   * (their credentials version is now older).
   */
  public void changePassword(
      long userId, String signInToken, String oldPassword, String newPassword) {
    User user = em.find(User.class, userId);
    if (user == null) {
      throw new InvalidInput("No such user");
    }
    if (!InputRule.PASSWORD.accepts(oldPassword)
        || !passwords.matches(oldPassword, user.getPasswordHash())) {
      throw new WrongPassword();
    }
    InputRule.NEW_PASSWORD.check(newPassword);
    if (newPassword.equals(oldPassword)) {
      throw new InvalidInput("The new password must differ from the old one");
    }
    long credentialsVersion = user.changePasswordHash(passwords.hash(newPassword));
    if (Tokens.isWellFormed(signInToken)) {
      SignIns.keepAtVersion(em, Tokens.hash(signInToken), userId, credentialsVersion);
    }
    LOG.info(() -> "Password changed: user " + userId);
  }

  /**
   * Closes the account of the signed-in user {@code userId} after checking their password: deletes
   * their pads, notes (the trash's too), reset links and the account. Its sign-ins are deleted with
   * it: every browser signed in as them is signed out, on any instance. Throws {@link
   * WrongPassword} when the password is wrong.
   */
  public void close(long userId, String password) {
    User user = em.find(User.class, userId);
    if (user == null
        || !InputRule.PASSWORD.accepts(password)
        || !passwords.matches(password, user.getPasswordHash())) {
      throw new WrongPassword();
    }
    Users.delete(em, user);
    LOG.info(() -> "Account closed: user " + userId);
  }

  /** The account with this email (ignoring case and blanks), if any; anyone may call. */
  public Optional<Account> findByEmail(String email) {
    return findUser(email).map(Account::of);
  }

  private Optional<User> findUser(String email) {
    return Users.byEmail(em, email);
  }
}
