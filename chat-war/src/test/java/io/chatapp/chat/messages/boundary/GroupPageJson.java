package io.chatapp.chat.messages.boundary;

import io.chatapp.chat.messages.control.MessageHistory;
import io.chatapp.chat.users.control.UserDirectory;
import io.chatapp.chat.users.entity.UserId;
import jakarta.json.JsonObject;

/**
 * A group's page on the wire as {@code GET /message/{chatId}} gives it ({@link GroupPages}), for
 * the flat-cost benchmark, which lives in the control package: its {@code readBy} and {@code
 * deliveredTo} are derived from the read positions there, and that is part of a page's cost.
 */
public final class GroupPageJson {

  private GroupPageJson() {}

  public static JsonObject of(MessageHistory.Page page, UserId viewer, UserDirectory users) {
    return GroupPages.toJson(page, viewer, users, "bench");
  }
}
