package io.chatapp.chat.messages.entity;

import io.chatapp.chat.common.entity.ObjectIds;

/** A message's id: a 24-hex ObjectId, assigned by the service when the message is sent. */
public record MessageId(String value) {

  public MessageId {
    value = ObjectIds.require(value, "A message id");
  }

  public static MessageId fresh() {
    return new MessageId(ObjectIds.fresh());
  }

  @Override
  public String toString() {
    return value;
  }
}
