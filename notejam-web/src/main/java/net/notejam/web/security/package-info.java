/**
 * Who is signed in: Jakarta Security form authentication at {@code /signin/} over an identity store
 * that asks {@link net.notejam.application.AccountService}, and the signed-in user for pages; and
 * the browser protections every response carries ({@link
 * net.notejam.web.security.SecurityHeadersFilter}).
 */
package net.notejam.web.security;
