package io.chatapp.chat.messages.entity;

import io.chatapp.chat.chats.entity.ChatId;
import io.chatapp.chat.users.entity.UserId;
import java.util.List;

/**
 * {@code readerId} has seen these messages of {@code senderId}. The WebSocket side sends {@code
 * message:read {chatId, messageIds}} to every session of the sender (✓✓).
 */
public record MessagesRead(
    ChatId chatId, UserId readerId, UserId senderId, List<MessageId> messageIds) {

  public MessagesRead {
    messageIds = List.copyOf(messageIds);
  }
}
