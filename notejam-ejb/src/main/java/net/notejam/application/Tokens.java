package net.notejam.application;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The secrets handed to browsers (reset links, sign-in and notice cookies) and how they are kept:
 * 256 random bits as URL-safe Base64, and only their SHA-256 in the database, so that a copy of the
 * database (a backup) holds nothing that works.
 */
public final class Tokens {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{43}");

  private Tokens() {}

  /** A new token: 43 characters of URL-safe Base64. */
  public static String random() {
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
  }

  /** True for a string {@link #random} could have made. */
  public static boolean isWellFormed(String token) {
    return token != null && WELL_FORMED.matcher(token).matches();
  }

  /** The SHA-256 of {@code token}, in hex: what the database keeps. */
  public static String hash(String token) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha256.digest(token.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java platform", e);
    }
  }
}
