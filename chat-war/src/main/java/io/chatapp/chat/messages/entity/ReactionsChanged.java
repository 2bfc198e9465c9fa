package io.chatapp.chat.messages.entity;

import io.chatapp.chat.chats.entity.ChatId;
import io.chatapp.chat.users.entity.UserId;
import java.util.List;

/**
 * Someone reacted to a message, changed or took back their reaction. The WebSocket side sends
 * {@code message:reaction {chatId, messageId, reactions}} (everyone's, as they are now) to every
 * session of every member.
 */
public record ReactionsChanged(
    ChatId chatId, MessageId messageId, Reactions reactions, List<UserId> members) {

  public ReactionsChanged {
    members = List.copyOf(members);
  }
}
