package io.chatapp.chat.messages.entity;

import io.chatapp.chat.chats.entity.ChatId;
import io.chatapp.chat.users.entity.UserId;
import java.util.List;

/**
 * A message's sender deleted it for everyone. The WebSocket side sends {@code message:deleted
 * {chatId, messageId}} to every session of every member.
 */
public record MessageDeleted(ChatId chatId, MessageId messageId, List<UserId> members) {

  public MessageDeleted {
    members = List.copyOf(members);
  }
}
