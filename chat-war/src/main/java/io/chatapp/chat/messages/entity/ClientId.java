package io.chatapp.chat.messages.entity;

import java.util.regex.Pattern;

/**
 * An id the client picks for one send, so a retried {@code POST /message} (lost answer, timeout)
 * returns the first message instead of making a second one.
 */
public record ClientId(String value) {

  private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  public ClientId {
    if (value == null || !ALLOWED.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "clientId must be 1 to 64 characters of letters, digits and . _ : -");
    }
  }
}
