package io.chatapp.chat.messages.broker;

import static io.chatapp.platform.json.JsonSupport.JSON;

import io.chatapp.chat.chats.entity.ChatId;
import io.chatapp.chat.common.entity.IsoTime;
import io.chatapp.chat.messages.entity.Caption;
import io.chatapp.chat.messages.entity.Message;
import io.chatapp.chat.messages.entity.MessageId;
import io.chatapp.chat.messages.entity.MessageImage;
import io.chatapp.chat.messages.entity.MessageText;
import io.chatapp.chat.users.entity.UserId;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

/**
 * What travels on {@code chat:messages}: the message as clients see it, plus its sequence number
 * and recipient so no consumer needs to read the chat.
 */
public record Envelope(Message message, UserId recipientId) {

  public byte[] toBytes() {
    return JSON.createObjectBuilder()
        .add("message", message.toJson())
        .add("seq", message.seq())
        .add("recipientId", recipientId.value())
        .build()
        .toString()
        .getBytes(StandardCharsets.UTF_8);
  }

  /** Reads an envelope; {@link IllegalArgumentException} when it is not one. */
  public static Envelope parse(byte[] body) {
    try (JsonReader reader = JSON.createReader(new ByteArrayInputStream(body))) {
      JsonObject envelope = reader.readObject();
      JsonObject m = envelope.getJsonObject("message");
      JsonValue seenAt = m.get("seenAt");
      JsonValue imageJson = m.get("image");
      MessageImage image =
          imageJson == null || imageJson.getValueType() != JsonValue.ValueType.OBJECT
              ? null
              : MessageImage.of(imageJson.asJsonObject());
      String text =
          image == null
              ? new MessageText(m.getString("text")).value()
              : new Caption(m.getString("text", "")).value();
      Message message =
          new Message(
              new MessageId(m.getString("_id")),
              new ChatId(m.getString("chatId")),
              envelope.getJsonNumber("seq").longValueExact(),
              new UserId(m.getString("sender")),
              text,
              image,
              m.getBoolean("seen", false),
              seenAt == null || seenAt.getValueType() != JsonValue.ValueType.STRING
                  ? null
                  : IsoTime.parse(m.getString("seenAt")),
              IsoTime.parse(m.getString("createdAt")),
              null);
      return new Envelope(message, new UserId(envelope.getString("recipientId")));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("Not a message envelope: " + e.getMessage(), e);
    }
  }
}
