package io.chatapp.chat.chats.boundary;

import static io.chatapp.platform.json.JsonSupport.JSON;

import io.chatapp.chat.chats.entity.Chat;
import io.chatapp.chat.chats.entity.Group;
import io.chatapp.chat.common.entity.IsoTime;
import io.chatapp.chat.users.entity.UserId;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Optional;

/** A chat as {@code GET /chat/all} shows it to one of its members, or to someone who left it. */
public final class ChatJson {

  private ChatJson() {}

  /** The chat as {@code viewer} sees it: their unread count, and a group as they left it. */
  public static JsonObject of(Chat chat, UserId viewer) {
    if (chat.isGroup()) {
      return group(chat, viewer);
    }
    return JSON.createObjectBuilder()
        .add("_id", chat.id().value())
        .add("isGroup", false)
        .add("users", ids(chat.users()))
        .add("latestMessage", latest(chat.latestMessage()))
        .add("unseenCount", chat.unreadFor(viewer))
        .add("createdAt", IsoTime.format(chat.createdAt()))
        .add("updatedAt", IsoTime.format(chat.updatedAt()))
        .build();
  }

  /**
   * A group as {@code viewer} sees it. Someone who left sees it as it was then: its name, the
   * message that said they left, no members, and {@code left: true}.
   */
  private static JsonObject group(Chat chat, UserId viewer) {
    var json =
        JSON.createObjectBuilder()
            .add("_id", chat.id().value())
            .add("isGroup", true)
            .add("unseenCount", chat.unreadFor(viewer))
            .add("createdAt", IsoTime.format(chat.createdAt()))
            .add("updatedAt", IsoTime.format(chat.activityFor(viewer)));
    Optional<Group.Departure> departure =
        chat.isMember(viewer) ? Optional.empty() : chat.group().departureOf(viewer);
    if (departure.isPresent()) {
      Group.Departure left = departure.get();
      return json.add("name", left.name().value())
          .add("users", JSON.createArrayBuilder())
          .add("admins", JSON.createArrayBuilder())
          .add(
              "latestMessage",
              latest(new Chat.LatestMessage(left.text(), left.sender(), false, "system")))
          .add("left", true)
          .build();
    }
    return json.add("name", chat.group().name().value())
        .add("users", ids(chat.users()))
        .add("admins", ids(chat.group().admins()))
        .add("latestMessage", latest(chat.latestMessage()))
        .build();
  }

  private static JsonValue latest(Chat.LatestMessage latest) {
    if (latest == null) {
      return JsonValue.NULL;
    }
    var json =
        JSON.createObjectBuilder()
            .add("text", latest.text())
            .add("sender", latest.sender().value())
            .add("messageType", latest.messageType());
    return latest.deleted() ? json.add("deleted", true).build() : json.build();
  }

  /** The ids of these users as a JSON array. */
  public static JsonArrayBuilder ids(List<UserId> users) {
    var json = JSON.createArrayBuilder();
    users.forEach(user -> json.add(user.value()));
    return json;
  }
}
