package net.notejam.web.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import net.notejam.service.Account;
import net.notejam.service.AccountService;

/** The signed-in user of this request, if any, for pages and backing beans. */
@Named
@RequestScoped
public class CurrentUser {

  @Inject private SecurityContext securityContext;
  @Inject private AccountService accounts;

  private Account account;
  private boolean looked;

  /** True when someone is signed in (and the account still exists). */
  public boolean isSignedIn() {
    return find() != null;
  }

  /** The signed-in user's email, shown in the top bar. */
  public String getEmail() {
    Account a = find();
    return a == null ? null : a.email();
  }

  /** The signed-in user's id; only for pages that require a signed-in user. */
  public long getId() {
    Account a = find();
    if (a == null) {
      throw new IllegalStateException("No user is signed in");
    }
    return a.id();
  }

  private Account find() {
    if (!looked) {
      looked = true;
      Principal principal = securityContext.getCallerPrincipal();
      account = principal == null ? null : accounts.findByEmail(principal.getName()).orElse(null);
    }
    return account;
  }
}
