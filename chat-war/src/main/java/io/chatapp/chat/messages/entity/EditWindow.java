package io.chatapp.chat.messages.entity;

import java.time.Duration;
import java.time.Instant;

/**
 * How long after sending a message its sender may edit it ({@code message.edit-minutes}, 15 by
 * default, as WhatsApp allows).
 */
public record EditWindow(Duration length) {

  public EditWindow {
    if (length == null || length.isNegative()) {
      throw new IllegalArgumentException("the edit window is a duration of 0 or more");
    }
  }

  public static EditWindow ofMinutes(long minutes) {
    return new EditWindow(Duration.ofMinutes(minutes));
  }

  /** Whether a message sent at {@code sentAt} may still be edited at {@code now}. */
  public boolean allows(Instant sentAt, Instant now) {
    return !now.isAfter(sentAt.plus(length));
  }

  /** Why an edit came too late, for the person who tried. */
  public String tooLate() {
    long minutes = length.toMinutes();
    return "A message can only be edited within "
        + minutes
        + (minutes == 1 ? " minute" : " minutes")
        + " of sending it";
  }
}
