package io.chatapp.chat.chats.boundary;

import static io.chatapp.chat.common.boundary.Requests.parse;

import io.chatapp.chat.users.entity.UserId;
import jakarta.validation.constraints.NotNull;

/** {@code {"otherUserId": ...}}: the person to start a 1:1 chat with. */
public record NewChatRequest(@NotNull(message = "otherUserId is required") String otherUserId) {

  /** The other person; 400 when it is not a user id. */
  UserId other() {
    return parse(() -> new UserId(otherUserId));
  }
}
