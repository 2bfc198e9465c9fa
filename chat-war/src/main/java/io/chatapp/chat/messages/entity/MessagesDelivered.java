package io.chatapp.chat.messages.entity;

import io.chatapp.chat.chats.entity.ChatId;
import io.chatapp.chat.users.entity.UserId;
import java.util.List;

/**
 * These messages of {@code senderId} reached a socket of their recipient for the first time. The
 * WebSocket side sends {@code message:delivered {chatId, messageIds}} to every session of the
 * sender (✓✓ in grey).
 */
public record MessagesDelivered(ChatId chatId, UserId senderId, List<MessageId> messageIds) {

  public MessagesDelivered {
    messageIds = List.copyOf(messageIds);
  }
}
