package io.chatapp.chat.messages.entity;

import io.chatapp.chat.chats.entity.ChatId;
import io.chatapp.chat.common.entity.ObjectIds;
import io.chatapp.chat.users.entity.UserId;

/** A message's id: a 24-hex ObjectId, assigned by the service when the message is sent. */
public record MessageId(String value) {

  public MessageId {
    value = ObjectIds.require(value, "A message id");
  }

  public static MessageId fresh() {
    return new MessageId(ObjectIds.fresh());
  }

  /**
   * The id of the message a sender sends into a chat under a client id: the same on every retry, so
   * a retried send can never become a second message (storage is idempotent by id).
   */
  public static MessageId forClient(ChatId chat, UserId sender, ClientId clientId) {
    return new MessageId(
        ObjectIds.derived(chat.value() + ":" + sender.value() + ":" + clientId.value()));
  }

  @Override
  public String toString() {
    return value;
  }
}
