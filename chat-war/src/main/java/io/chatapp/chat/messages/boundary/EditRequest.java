package io.chatapp.chat.messages.boundary;

import static io.chatapp.chat.common.boundary.Requests.parse;

import io.chatapp.chat.messages.entity.Caption;
import jakarta.validation.constraints.NotNull;

/** {@code {"text": ...}}: a message's new text, or an image's new caption (empty removes it). */
public record EditRequest(@NotNull(message = "text is required") String text) {

  /** The text; 400 when it breaks {@link Caption}'s rules. */
  Caption caption() {
    return parse(() -> new Caption(text));
  }
}
