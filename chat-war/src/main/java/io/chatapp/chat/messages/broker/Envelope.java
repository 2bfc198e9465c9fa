package io.chatapp.chat.messages.broker;

import static io.chatapp.platform.json.JsonSupport.JSON;

import io.chatapp.chat.chats.entity.ChatId;
import io.chatapp.chat.messages.entity.Addressed;
import io.chatapp.chat.messages.entity.Caption;
import io.chatapp.chat.messages.entity.Message;
import io.chatapp.chat.messages.entity.MessageId;
import io.chatapp.chat.messages.entity.MessageImage;
import io.chatapp.chat.messages.entity.MessageText;
import io.chatapp.chat.messages.entity.Reactions;
import io.chatapp.chat.messages.entity.ReplyTo;
import io.chatapp.chat.users.entity.UserId;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * What travels on the pipeline's exchanges: the message as sent (id, chat, sequence number, sender,
 * text, image, time in epoch milliseconds; once stored, when it was read if it was read on arrival)
 * and its recipient (in a group: {@code recipients}, the members but the sender when it was sent;
 * {@code system} for a system message), so no step needs to read the chat. Its own compact shape,
 * not the client's JSON (a reply's quote in the client's shape, {@code replyTo}). An accepted
 * message travels alone; the stored ones travel as the batch the storage step stored together (a
 * JSON array of envelopes). {@code firstSend: true} when the message's id was given to its send
 * alone ({@link Addressed#firstSend}); absent otherwise, and in envelopes of versions before it.
 */
public record Envelope(Message message, UserId recipientId, List<UserId> group, boolean firstSend) {

  public Envelope {
    group = recipientId == null ? List.copyOf(group) : List.of();
  }

  public Envelope(Message message, UserId recipientId) {
    this(message, recipientId, List.of(), false);
  }

  public Envelope(Addressed addressed) {
    this(addressed.message(), addressed.recipient(), addressed.group(), addressed.firstSend());
  }

  public Addressed addressed() {
    return new Addressed(message, recipientId, group, firstSend);
  }

  public byte[] toBytes() {
    return json().toString().getBytes(StandardCharsets.UTF_8);
  }

  /** A batch of envelopes as one body. */
  public static byte[] toBytes(List<Addressed> batch) {
    JsonArrayBuilder array = JSON.createArrayBuilder();
    batch.forEach(addressed -> array.add(new Envelope(addressed).json()));
    return array.build().toString().getBytes(StandardCharsets.UTF_8);
  }

  private JsonObject json() {
    JsonObjectBuilder json =
        JSON.createObjectBuilder()
            .add("id", message.id().value())
            .add("chatId", message.chatId().value())
            .add("seq", message.seq())
            .add("sender", message.sender().value())
            .add("text", message.text())
            .add("createdAt", message.createdAt().toEpochMilli());
    if (recipientId == null) {
      JsonArrayBuilder recipients = JSON.createArrayBuilder();
      group.forEach(user -> recipients.add(user.value()));
      json.add("recipients", recipients);
    } else {
      json.add("recipientId", recipientId.value());
    }
    if (message.system()) {
      json.add("system", true);
    }
    if (firstSend) {
      json.add("firstSend", true);
    }
    if (message.image() != null) {
      json.add("image", message.image().toJson());
    }
    if (message.seenAt() != null) {
      json.add("seenAt", message.seenAt().toEpochMilli());
    }
    if (message.replyTo() != null) {
      json.add("replyTo", message.replyTo().toJson());
    }
    return json.build();
  }

  /** Reads one envelope or a batch of them; {@link IllegalArgumentException} when it is neither. */
  public static List<Addressed> parseAll(byte[] body) {
    try (JsonReader reader = JSON.createReader(new ByteArrayInputStream(body))) {
      JsonValue json = reader.readValue();
      return json.getValueType() == JsonValue.ValueType.ARRAY
          ? json.asJsonArray().stream().map(item -> parse(item.asJsonObject()).addressed()).toList()
          : List.of(parse(json.asJsonObject()).addressed());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("Not a message envelope: " + e.getMessage(), e);
    }
  }

  private static Envelope parse(JsonObject json) {
    JsonValue imageJson = json.get("image");
    MessageImage image =
        imageJson == null || imageJson.getValueType() != JsonValue.ValueType.OBJECT
            ? null
            : MessageImage.of(imageJson.asJsonObject());
    String text =
        image == null
            ? new MessageText(json.getString("text")).value()
            : new Caption(json.getString("text", "")).value();
    Instant seenAt =
        json.containsKey("seenAt")
            ? Instant.ofEpochMilli(json.getJsonNumber("seenAt").longValueExact())
            : null;
    Message message =
        new Message(
            new MessageId(json.getString("id")),
            new ChatId(json.getString("chatId")),
            json.getJsonNumber("seq").longValueExact(),
            new UserId(json.getString("sender")),
            text,
            image,
            seenAt != null,
            seenAt,
            Instant.ofEpochMilli(json.getJsonNumber("createdAt").longValueExact()),
            null,
            json.getBoolean("system", false),
            null,
            null,
            false,
            Reactions.NONE);
    JsonValue replyTo = json.get("replyTo");
    if (replyTo != null && replyTo.getValueType() == JsonValue.ValueType.OBJECT) {
      JsonObject quoted = replyTo.asJsonObject();
      message =
          message.withReplyTo(
              new ReplyTo(
                  new MessageId(quoted.getString("_id")),
                  new UserId(quoted.getString("sender")),
                  quoted.getString("text", null),
                  quoted.getBoolean("deleted", false)));
    }
    boolean firstSend = json.getBoolean("firstSend", false);
    if (json.containsKey("recipients")) {
      return new Envelope(
          message,
          null,
          json.getJsonArray("recipients").getValuesAs(jakarta.json.JsonString.class).stream()
              .map(id -> new UserId(id.getString()))
              .toList(),
          firstSend);
    }
    return new Envelope(message, new UserId(json.getString("recipientId")), List.of(), firstSend);
  }
}
