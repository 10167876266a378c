package net.notejam.application;

import net.notejam.persistence.User;

/** What pages may know of an account: its id and email, never its password hash. */
public record Account(long id, String email) {

  static Account of(User user) {
    return new Account(user.getId(), user.getEmail());
  }
}
