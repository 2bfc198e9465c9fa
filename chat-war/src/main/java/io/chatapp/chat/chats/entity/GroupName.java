package io.chatapp.chat.chats.entity;

import io.chatapp.platform.text.PlainText;

/**
 * A group's name, kept like a user's display name (user-war's {@code UserName}): trimmed,
 * normalised to NFC, one line of visible characters ({@link PlainText}), here 1 to 64 characters.
 */
public record GroupName(String value) {

  public static final int MAX_LENGTH = 64;

  public GroupName {
    if (value == null) {
      throw new IllegalArgumentException("name is required");
    }
    value = PlainText.normalize(value.strip());
    PlainText.forbidden(value, PlainText.Kind.LINE)
        .ifPresent(
            c -> {
              throw new IllegalArgumentException(
                  "name must not contain " + c + " (control or invisible)");
            });
    if (value.isEmpty() || value.codePointCount(0, value.length()) > MAX_LENGTH) {
      throw new IllegalArgumentException("name must be 1 to " + MAX_LENGTH + " characters");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
