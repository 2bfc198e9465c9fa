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
}
