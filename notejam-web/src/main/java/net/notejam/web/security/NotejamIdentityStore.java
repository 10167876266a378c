package net.notejam.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Set;
import net.notejam.application.AccountService;

/** Checks an email and password against Notejam's accounts; every user has the role "user". */
@ApplicationScoped
public class NotejamIdentityStore implements IdentityStore {

  static final Set<String> GROUPS = Set.of("user");

  @Inject private AccountService accounts;

  public CredentialValidationResult validate(UsernamePasswordCredential credential) {
    return accounts
        .authenticate(credential.getCaller(), credential.getPasswordAsString())
        .map(
            account ->
                new CredentialValidationResult(
                    null,
                    new CallerPrincipal(account.email()),
                    null,
                    Long.toString(account.id()),
                    GROUPS))
        .orElse(CredentialValidationResult.INVALID_RESULT);
  }
}
