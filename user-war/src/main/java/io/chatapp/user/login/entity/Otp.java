package io.chatapp.user.login.entity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A one-time login code from a secure random source: eight decimal digits, or, once too many wrong
 * codes were tried for an address, a long code of twelve letters and digits (about 5 × 10^17 of
 * them, so guessing it is hopeless whatever the number of tries). The long code is mailed in groups
 * of four ({@code ABCD-EFGH-JKMN}) and may be typed with or without the dashes, in either case.
 */
public record Otp(String code) {

  public static final int DIGITS = 8;
  public static final int LONG_LENGTH = 12;
  private static final int BOUND = 100_000_000;

  /** No 0/O, 1/I/L or U: nothing that reads as something else in a mail. */
  private static final String LONG_ALPHABET = "ABCDEFGHJKMNPQRSTVWXYZ23456789";

  private static final Pattern SHORT = Pattern.compile("\\d{" + DIGITS + "}");
  private static final Pattern LONG =
      Pattern.compile("[" + LONG_ALPHABET + "]{" + LONG_LENGTH + "}");

  public Otp {
    if (code == null || !(SHORT.matcher(code).matches() || LONG.matcher(code).matches())) {
      throw new IllegalArgumentException(
          "an OTP is " + DIGITS + " digits or " + LONG_LENGTH + " letters and digits");
    }
  }

  /** A new code, uniformly drawn from 00000000 to 99999999. */
  public static Otp generate(SecureRandom random) {
    return new Otp(String.format("%0" + DIGITS + "d", random.nextInt(BOUND)));
  }

  /** A new long code, each character uniformly drawn from the unambiguous alphabet. */
  public static Otp generateLong(SecureRandom random) {
    StringBuilder code = new StringBuilder(LONG_LENGTH);
    for (int i = 0; i < LONG_LENGTH; i++) {
      code.append(LONG_ALPHABET.charAt(random.nextInt(LONG_ALPHABET.length())));
    }
    return new Otp(code.toString());
  }

  /** A typed code as it is kept: without spaces or dashes, upper case. */
  public static String canonical(String typed) {
    return typed == null ? "" : typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
  }

  /** Whether this is a long code. */
  public boolean isLong() {
    return code.length() == LONG_LENGTH;
  }

  /** The code as a mail shows it: a long one in groups of four. */
  public String display() {
    return isLong()
        ? code.substring(0, 4) + "-" + code.substring(4, 8) + "-" + code.substring(8)
        : code;
  }

  /** Whether a typed code is this one, in time that does not depend on where they differ. */
  public boolean matches(String candidate) {
    byte[] typed = canonical(candidate).getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(code.getBytes(StandardCharsets.UTF_8), typed);
  }

  /** Never the code itself: a record's default toString would put it in logs. */
  @Override
  public String toString() {
    return "Otp[********]";
  }
}
