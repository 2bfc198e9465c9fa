package io.chatapp.chat.messages.entity;

import io.chatapp.platform.text.PlainText;

/**
 * The text of a message: trimmed, normalised to NFC, 1 to 4,000 characters, lines of visible
 * characters ({@link PlainText}: no control characters but line breaks and tabs, no bidi
 * overrides).
 */
public record MessageText(String value) {

  public static final int MAX_LENGTH = 4000;

  public MessageText {
    if (value == null) {
      throw new IllegalArgumentException("text is required");
    }
    value = clean(value);
    if (value.isEmpty()) {
      throw new IllegalArgumentException("text must not be empty");
    }
  }

  /** A text as messages keep it (also an image's caption), or why it cannot be one. */
  static String clean(String text) {
    String value = PlainText.normalize(text.strip());
    PlainText.forbidden(value, PlainText.Kind.LINES)
        .ifPresent(
            c -> {
              throw new IllegalArgumentException(
                  "text must not contain " + c + " (a control or bidi override character)");
            });
    if (value.codePointCount(0, value.length()) > MAX_LENGTH) {
      throw new IllegalArgumentException("text must be at most " + MAX_LENGTH + " characters");
    }
    return value;
  }
}
