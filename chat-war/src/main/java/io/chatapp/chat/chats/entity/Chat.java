package io.chatapp.chat.chats.entity;

import static io.chatapp.platform.json.JsonSupport.JSON;

import io.chatapp.chat.common.entity.IsoTime;
import io.chatapp.chat.users.entity.UserId;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A 1:1 chat as stored: its two members, the latest message and each member's unread counter kept
 * on it (so the chat list never reads messages), and {@code seq}, the highest sequence number of
 * its stored messages (numbers are given by {@link io.chatapp.chat.chats.control.ChatSequence}).
 */
public record Chat(
    ChatId id,
    List<UserId> users,
    LatestMessage latestMessage,
    Map<UserId, Integer> unread,
    long seq,
    Instant createdAt,
    Instant updatedAt) {

  public Chat {
    users = List.copyOf(users);
    unread = Map.copyOf(unread);
  }

  /**
   * What the chat list shows of the newest message: its text (as edited), or, once it was deleted,
   * an empty text and {@code deleted} (the UI says "This message was deleted").
   */
  public record LatestMessage(String text, UserId sender, boolean deleted) {

    public LatestMessage(String text, UserId sender) {
      this(text, sender, false);
    }
  }

  public boolean isMember(UserId user) {
    return users.contains(user);
  }

  /** The member who is not {@code user}. */
  public UserId otherThan(UserId user) {
    return users.get(0).equals(user) ? users.get(1) : users.get(0);
  }

  public int unreadFor(UserId user) {
    return unread.getOrDefault(user, 0);
  }

  private static JsonObject latestJson(LatestMessage latest) {
    var json =
        JSON.createObjectBuilder()
            .add("text", latest.text())
            .add("sender", latest.sender().value());
    return latest.deleted() ? json.add("deleted", true).build() : json.build();
  }

  /** The chat as {@code GET /chat/all} shows it to {@code viewer}. */
  public JsonObject toJson(UserId viewer) {
    var usersJson = JSON.createArrayBuilder();
    users.forEach(user -> usersJson.add(user.value()));
    JsonValue latest = latestMessage == null ? JsonValue.NULL : latestJson(latestMessage);
    return JSON.createObjectBuilder()
        .add("_id", id.value())
        .add("users", usersJson)
        .add("latestMessage", latest)
        .add("unseenCount", unreadFor(viewer))
        .add("createdAt", IsoTime.format(createdAt))
        .add("updatedAt", IsoTime.format(updatedAt))
        .build();
  }
}
