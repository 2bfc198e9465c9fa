package io.chatapp.chat.messages.boundary;

import static io.chatapp.chat.common.boundary.Requests.parse;

import io.chatapp.chat.messages.entity.Emoji;
import jakarta.validation.constraints.NotNull;

/** {@code {"emoji": ...}}: the reaction to toggle, one emoji. */
public record ReactionRequest(@NotNull(message = "emoji is required") String emoji) {

  /** The emoji; 400 when it is not exactly one. */
  Emoji reaction() {
    return parse(() -> new Emoji(emoji));
  }
}
