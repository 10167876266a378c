/**
 * The rules for what a user may type (names, texts, emails, passwords), each written once with its
 * messages in {@link net.notejam.application.input.InputRule}. Forms apply them with Bean
 * Validation ({@link net.notejam.application.input.Input @Input}); services apply the same rule in
 * code, as a last line for any other caller. Facts that need the database (an email already used, a
 * wrong old password) are the services' business, not rules here.
 */
package net.notejam.application.input;
