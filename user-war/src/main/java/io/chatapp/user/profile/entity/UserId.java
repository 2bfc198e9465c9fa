package io.chatapp.user.profile.entity;

import io.chatapp.user.InvalidValue;
import java.util.regex.Pattern;
import org.bson.types.ObjectId;

/** A user's id: the 24 hex digits of a MongoDB ObjectId, lower-case. */
public record UserId(String value) {

  private static final Pattern FORMAT = Pattern.compile("[0-9a-f]{24}");

  public UserId {
    if (value == null || !FORMAT.matcher(value).matches()) {
      throw new InvalidValue("Malformed user id: expected 24 hexadecimal digits");
    }
  }

  public static UserId newId() {
    return new UserId(new ObjectId().toHexString());
  }

  public ObjectId objectId() {
    return new ObjectId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
