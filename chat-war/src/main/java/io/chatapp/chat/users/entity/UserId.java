package io.chatapp.chat.users.entity;

import io.chatapp.chat.common.entity.ObjectIds;

/** A user's id: a 24-hex ObjectId, as user-war issues them. */
public record UserId(String value) {

  public UserId {
    value = ObjectIds.require(value, "A user id");
  }

  @Override
  public String toString() {
    return value;
  }
}
