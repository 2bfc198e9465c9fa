package io.chatapp.chat.chats.boundary;

import static io.chatapp.chat.common.boundary.Requests.parse;

import io.chatapp.chat.chats.entity.GroupName;
import jakarta.validation.constraints.NotNull;

/** {@code {"name": ...}}: a group's new name. */
public record GroupNameRequest(@NotNull(message = "name is required") String name) {

  /** The name; 400 when it breaks {@link GroupName}'s rules. */
  GroupName groupName() {
    return parse(() -> new GroupName(name));
  }
}
