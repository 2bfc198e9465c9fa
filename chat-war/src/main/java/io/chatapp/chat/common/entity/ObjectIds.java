package io.chatapp.chat.common.entity;

import java.util.regex.Pattern;
import org.bson.types.ObjectId;

/** The one id format of the platform: MongoDB ObjectIds as 24 lower-case hex digits. */
public final class ObjectIds {

  private static final Pattern HEX24 = Pattern.compile("[0-9a-fA-F]{24}");

  private ObjectIds() {}

  /** The id in canonical (lower-case) form; {@link IllegalArgumentException} when malformed. */
  public static String require(String value, String what) {
    if (value == null || !HEX24.matcher(value).matches()) {
      throw new IllegalArgumentException(what + " must be a 24-character hex id");
    }
    return value.toLowerCase(java.util.Locale.ROOT);
  }

  public static String fresh() {
    return new ObjectId().toHexString();
  }

  /** A 24-hex id that depends only on {@code source}: the first 12 bytes of its SHA-256. */
  public static String derived(String source) {
    try {
      byte[] hash =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(source.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(hash, 0, 12);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
