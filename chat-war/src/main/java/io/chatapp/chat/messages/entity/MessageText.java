package io.chatapp.chat.messages.entity;

/** The text of a message: trimmed, 1 to 4,000 characters. */
public record MessageText(String value) {

  public static final int MAX_LENGTH = 4000;

  public MessageText {
    if (value == null) {
      throw new IllegalArgumentException("text is required");
    }
    value = value.strip();
    if (value.isEmpty()) {
      throw new IllegalArgumentException("text must not be empty");
    }
    if (value.codePointCount(0, value.length()) > MAX_LENGTH) {
      throw new IllegalArgumentException("text must be at most " + MAX_LENGTH + " characters");
    }
  }
}
