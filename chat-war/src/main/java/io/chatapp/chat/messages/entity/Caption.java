package io.chatapp.chat.messages.entity;

/** The optional text of an image message: trimmed, 0 to 4,000 characters, empty when absent. */
public record Caption(String value) {

  public Caption {
    value = value == null ? "" : value.strip();
    if (value.codePointCount(0, value.length()) > MessageText.MAX_LENGTH) {
      throw new IllegalArgumentException(
          "text must be at most " + MessageText.MAX_LENGTH + " characters");
    }
  }
}
