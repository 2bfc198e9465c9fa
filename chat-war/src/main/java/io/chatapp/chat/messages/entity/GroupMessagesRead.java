package io.chatapp.chat.messages.entity;

import io.chatapp.chat.chats.entity.ChatId;
import io.chatapp.chat.users.entity.UserId;
import java.util.List;

/**
 * {@code readerId} has read a group's messages up to these ones. The WebSocket side sends {@code
 * message:read {chatId, messageIds, userId}} to every session of the {@code members}.
 */
public record GroupMessagesRead(
    ChatId chatId, UserId readerId, List<MessageId> messageIds, List<UserId> members) {

  public GroupMessagesRead {
    messageIds = List.copyOf(messageIds);
    members = List.copyOf(members);
  }
}
