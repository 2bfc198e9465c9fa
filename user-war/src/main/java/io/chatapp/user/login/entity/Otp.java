package io.chatapp.user.login.entity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.regex.Pattern;

/** A one-time login code: eight decimal digits from a secure random source. */
public record Otp(String code) {

  public static final int DIGITS = 8;
  private static final int BOUND = 100_000_000;
  private static final Pattern FORMAT = Pattern.compile("\\d{" + DIGITS + "}");

  public Otp {
    if (code == null || !FORMAT.matcher(code).matches()) {
      throw new IllegalArgumentException("an OTP is " + DIGITS + " digits");
    }
  }

  /** A new code, uniformly drawn from 00000000 to 99999999. */
  public static Otp generate(SecureRandom random) {
    return new Otp(String.format("%0" + DIGITS + "d", random.nextInt(BOUND)));
  }

  /** Whether a typed code is this one, in time that does not depend on where they differ. */
  public boolean matches(String candidate) {
    byte[] typed = (candidate == null ? "" : candidate.trim()).getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(code.getBytes(StandardCharsets.UTF_8), typed);
  }

  /** Never the code itself: a record's default toString would put it in logs. */
  @Override
  public String toString() {
    return "Otp[********]";
  }
}
