/** Sign up, sign in and sign out pages. */
package net.notejam.web.account;
