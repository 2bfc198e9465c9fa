package io.chatapp.chat.messages.entity;

import io.chatapp.chat.chats.entity.ChatId;
import io.chatapp.chat.common.entity.IsoTime;
import io.chatapp.chat.users.entity.UserId;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;

/**
 * A text message. {@code seq} is its place in the chat (1, 2, 3, ...), given when it is sent; pages
 * of history are read by it, never by scanning. Clients never see it.
 */
public record Message(
    MessageId id,
    ChatId chatId,
    long seq,
    UserId sender,
    String text,
    boolean seen,
    Instant seenAt,
    Instant createdAt) {

  public static final String TYPE_TEXT = "text";

  public Message withSeen(Instant at) {
    return new Message(id, chatId, seq, sender, text, true, at, createdAt);
  }

  /** The message document of the REST and WebSocket contract. */
  public JsonObject toJson() {
    return Json.createObjectBuilder()
        .add("_id", id.value())
        .add("chatId", chatId.value())
        .add("sender", sender.value())
        .add("text", text)
        .add("image", JsonValue.NULL)
        .add("messageType", TYPE_TEXT)
        .add("seen", seen)
        .add("seenAt", seenAt == null ? JsonValue.NULL : Json.createValue(IsoTime.format(seenAt)))
        .add("createdAt", IsoTime.format(createdAt))
        .build();
  }
}
