package io.chatapp.chat.chats.entity;

import io.chatapp.chat.common.entity.ObjectIds;

/** A chat's id: a 24-hex ObjectId. */
public record ChatId(String value) {

  public ChatId {
    value = ObjectIds.require(value, "A chat id");
  }

  public static ChatId fresh() {
    return new ChatId(ObjectIds.fresh());
  }

  @Override
  public String toString() {
    return value;
  }
}
