package io.chatapp.chat.media.entity;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The local image store's id of an image: 128 random bits in hex, so it cannot be guessed and is
 * safe as a file name and in a URL path.
 */
public record PublicId(String value) {

  private static final Pattern FORMAT = Pattern.compile("[0-9a-f]{32}");
  private static final SecureRandom RANDOM = new SecureRandom();

  public PublicId {
    if (value == null || !FORMAT.matcher(value).matches()) {
      throw new IllegalArgumentException("Not an image id");
    }
  }

  public static PublicId fresh() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return new PublicId(HexFormat.of().formatHex(bytes));
  }

  @Override
  public String toString() {
    return value;
  }
}
