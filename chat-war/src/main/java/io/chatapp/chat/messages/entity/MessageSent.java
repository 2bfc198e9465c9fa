package io.chatapp.chat.messages.entity;

import io.chatapp.chat.chats.entity.ChatId;
import io.chatapp.chat.users.entity.UserId;
import java.util.List;

/**
 * Fired by the delivery step for every message stored. The WebSocket side sends {@code message:new
 * {message, chatId, senderId}} to every session of the recipients (and the sender's other
 * sessions). {@code recipientId} is the one recipient of a 1:1 message (null in a group); {@code
 * recipients} are all of them. A redelivery may fire it twice; clients de-duplicate by {@code
 * message._id}.
 */
public record MessageSent(
    Message message, ChatId chatId, UserId senderId, UserId recipientId, List<UserId> recipients) {

  public MessageSent {
    recipients = List.copyOf(recipients);
  }

  /** A message of a 1:1 chat. */
  public MessageSent(Message message, ChatId chatId, UserId senderId, UserId recipientId) {
    this(message, chatId, senderId, recipientId, List.of(recipientId));
  }

  public boolean inGroup() {
    return recipientId == null;
  }
}
