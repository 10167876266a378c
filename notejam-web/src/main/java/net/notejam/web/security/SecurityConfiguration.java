package net.notejam.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;

/**
 * Form sign-in on Notejam's own page: a visitor asking for a page that needs an account is
 * redirected (not forwarded, so the address bar tells the truth) to {@code /signin/}, and after
 * signing in goes on to the page first asked for. Which pages need an account is in web.xml.
 */
@CustomFormAuthenticationMechanismDefinition(
    loginToContinue =
        @LoginToContinue(loginPage = "/signin/", useForwardToLogin = false, errorPage = ""))
@ApplicationScoped
public class SecurityConfiguration {}
