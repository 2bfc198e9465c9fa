package io.chatapp.chat.messages.entity;

import io.chatapp.chat.users.entity.UserId;
import java.util.List;

/**
 * A message's sender edited it. The WebSocket side sends {@code message:edited {chatId, message}}
 * to every session of every member.
 */
public record MessageEdited(Message message, List<UserId> members) {

  public MessageEdited {
    members = List.copyOf(members);
  }
}
