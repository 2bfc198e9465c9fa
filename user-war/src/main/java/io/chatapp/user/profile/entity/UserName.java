package io.chatapp.user.profile.entity;

import io.chatapp.user.InvalidValue;

/** A display name: 1 to 50 characters once surrounding blanks are trimmed. */
public record UserName(String value) {

  public static final int MAX_LENGTH = 50;

  public UserName {
    if (value == null) {
      throw new InvalidValue("name is required");
    }
    value = value.strip();
    if (value.isEmpty() || value.codePointCount(0, value.length()) > MAX_LENGTH) {
      throw new InvalidValue("name must be 1 to " + MAX_LENGTH + " characters");
    }
  }
}
