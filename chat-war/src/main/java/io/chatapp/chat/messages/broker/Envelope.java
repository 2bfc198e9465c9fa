package io.chatapp.chat.messages.broker;

import static io.chatapp.platform.json.JsonSupport.JSON;

import io.chatapp.chat.chats.entity.ChatId;
import io.chatapp.chat.messages.entity.Caption;
import io.chatapp.chat.messages.entity.Message;
import io.chatapp.chat.messages.entity.MessageId;
import io.chatapp.chat.messages.entity.MessageImage;
import io.chatapp.chat.messages.entity.MessageText;
import io.chatapp.chat.users.entity.UserId;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * What travels on the pipeline's exchanges: the message as sent (id, chat, sequence number, sender,
 * text, image, time in epoch milliseconds) and its recipient, so no step needs to read the chat.
 * Its own compact shape, not the client's JSON: it is written and read three times per message.
 */
public record Envelope(Message message, UserId recipientId) {

  public byte[] toBytes() {
    JsonObjectBuilder json =
        JSON.createObjectBuilder()
            .add("id", message.id().value())
            .add("chatId", message.chatId().value())
            .add("seq", message.seq())
            .add("sender", message.sender().value())
            .add("text", message.text())
            .add("createdAt", message.createdAt().toEpochMilli())
            .add("recipientId", recipientId.value());
    if (message.image() != null) {
      json.add("image", message.image().toJson());
    }
    return json.build().toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Reads an envelope; {@link IllegalArgumentException} when it is not one. */
  public static Envelope parse(byte[] body) {
    try (JsonReader reader = JSON.createReader(new ByteArrayInputStream(body))) {
      JsonObject json = reader.readObject();
      JsonValue imageJson = json.get("image");
      MessageImage image =
          imageJson == null || imageJson.getValueType() != JsonValue.ValueType.OBJECT
              ? null
              : MessageImage.of(imageJson.asJsonObject());
      String text =
          image == null
              ? new MessageText(json.getString("text")).value()
              : new Caption(json.getString("text", "")).value();
      Message message =
          new Message(
              new MessageId(json.getString("id")),
              new ChatId(json.getString("chatId")),
              json.getJsonNumber("seq").longValueExact(),
              new UserId(json.getString("sender")),
              text,
              image,
              false,
              null,
              Instant.ofEpochMilli(json.getJsonNumber("createdAt").longValueExact()),
              null);
      return new Envelope(message, new UserId(json.getString("recipientId")));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("Not a message envelope: " + e.getMessage(), e);
    }
  }
}
