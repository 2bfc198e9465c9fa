package io.chatapp.user.profile.entity;

import io.chatapp.platform.text.PlainText;
import io.chatapp.user.InvalidValue;

/**
 * A display name: 1 to 50 characters once surrounding blanks are trimmed, normalised to NFC, one
 * line of visible characters ({@link PlainText}).
 */
public record UserName(String value) {

  public static final int MAX_LENGTH = 50;

  public UserName {
    if (value == null) {
      throw new InvalidValue("name is required");
    }
    value = PlainText.normalize(value.strip());
    PlainText.forbidden(value, PlainText.Kind.LINE)
        .ifPresent(
            c -> {
              throw new InvalidValue("name must not contain " + c + " (control or invisible)");
            });
    if (value.isEmpty() || value.codePointCount(0, value.length()) > MAX_LENGTH) {
      throw new InvalidValue("name must be 1 to " + MAX_LENGTH + " characters");
    }
  }
}
