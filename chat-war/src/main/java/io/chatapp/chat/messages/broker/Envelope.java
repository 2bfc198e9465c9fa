package io.chatapp.chat.messages.broker;

import static io.chatapp.platform.json.JsonSupport.JSON;

import io.chatapp.chat.chats.entity.ChatId;
import io.chatapp.chat.messages.boundary.MessageJson;
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
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What travels on the pipeline's exchange: the message as sent (id, chat, sequence number, sender,
 * text, image, time in epoch milliseconds, and when it was read if it was) and its recipient (in a
 * group: {@code recipients}, the members but the sender when it was sent; {@code system} for a
 * system message), so no step needs to read the chat. Its own compact shape, not the client's JSON
 * (a reply's quote in the client's shape, {@code replyTo}). A message travels alone, or in a batch
 * of those accepted together (a JSON array of envelopes, {@link
 * io.chatapp.platform.amqp.BatchingPublisher}). {@code firstSend: true} when the message's id was
 * given to its send alone ({@link Addressed#firstSend}); absent otherwise, and in envelopes of
 * versions before it.
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
      json.add("image", MessageJson.image(message.image()));
    }
    if (message.seenAt() != null) {
      json.add("seenAt", message.seenAt().toEpochMilli());
    }
    if (message.replyTo() != null) {
      json.add("replyTo", MessageJson.replyTo(message.replyTo()));
    }
    return json.build();
  }

  /**
   * Reads one envelope or a batch of them; {@link IllegalArgumentException} when it is neither.
   * Read as a stream of JSON events, not as a tree: the trees were 17 % of the pipeline consumers'
   * CPU samples (JFR at 1,000 msg/s, when three steps each read every batch).
   */
  public static List<Addressed> parseAll(byte[] body) {
    try (JsonParser json = JSON.createParser(new ByteArrayInputStream(body))) {
      Event first = json.next();
      List<Addressed> all = new ArrayList<>();
      if (first == Event.START_ARRAY) {
        for (Event next = json.next(); next != Event.END_ARRAY; next = json.next()) {
          expect(next, Event.START_OBJECT);
          all.add(read(json).addressed());
        }
      } else {
        expect(first, Event.START_OBJECT);
        all.add(read(json).addressed());
      }
      if (json.hasNext()) {
        throw new IllegalArgumentException("more after the envelope");
      }
      return all;
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("Not a message envelope: " + e.getMessage(), e);
    }
  }

  /** The fields of one envelope, as they are read. */
  private static final class Fields {
    String id;
    String chatId;
    Long seq;
    String sender;
    String text;
    Long createdAt;
    Long seenAt;
    String recipientId;
    List<UserId> recipients;
    boolean system;
    boolean firstSend;
    MessageImage image;
    ReplyTo replyTo;
  }

  /** Reads an envelope's fields, its start read already, up to and with its end. */
  private static Envelope read(JsonParser json) {
    Fields f = new Fields();
    for (Event next = json.next(); next != Event.END_OBJECT; next = json.next()) {
      String name = json.getString();
      Event value = json.next();
      switch (name) {
        case "id" -> f.id = string(json, value);
        case "chatId" -> f.chatId = string(json, value);
        case "seq" -> f.seq = number(json, value);
        case "sender" -> f.sender = string(json, value);
        case "text" -> f.text = string(json, value);
        case "createdAt" -> f.createdAt = number(json, value);
        case "seenAt" -> f.seenAt = number(json, value);
        case "recipientId" -> f.recipientId = string(json, value);
        case "recipients" -> f.recipients = users(json, value);
        case "system" -> f.system = value == Event.VALUE_TRUE;
        case "firstSend" -> f.firstSend = value == Event.VALUE_TRUE;
        case "image" ->
            f.image = value == Event.START_OBJECT ? image(json.getObject()) : skip(json, value);
        case "replyTo" ->
            f.replyTo = value == Event.START_OBJECT ? quote(json.getObject()) : skip(json, value);
        default -> skip(json, value);
      }
    }
    return envelope(f);
  }

  private static Envelope envelope(Fields f) {
    String text =
        f.image == null
            ? new MessageText(required(f.text, "text")).value()
            : new Caption(f.text == null ? "" : f.text).value();
    Message message =
        new Message(
            new MessageId(required(f.id, "id")),
            new ChatId(required(f.chatId, "chatId")),
            required(f.seq, "seq"),
            new UserId(required(f.sender, "sender")),
            text,
            f.image,
            f.seenAt != null,
            f.seenAt == null ? null : Instant.ofEpochMilli(f.seenAt),
            Instant.ofEpochMilli(required(f.createdAt, "createdAt")),
            null,
            f.system,
            null,
            null,
            false,
            Reactions.NONE);
    if (f.replyTo != null) {
      message = message.withReplyTo(f.replyTo);
    }
    if (f.recipients != null) {
      return new Envelope(message, null, f.recipients, f.firstSend);
    }
    return new Envelope(
        message, new UserId(required(f.recipientId, "recipientId")), List.of(), f.firstSend);
  }

  /** Reads {@code {url, publicId}}; {@link IllegalArgumentException} when it is not one. */
  private static MessageImage image(JsonObject json) {
    try {
      return new MessageImage(json.getString("url"), json.getString("publicId"));
    } catch (NullPointerException | ClassCastException e) {
      throw new IllegalArgumentException("image must be {url, publicId}");
    }
  }

  private static ReplyTo quote(JsonObject quoted) {
    return new ReplyTo(
        new MessageId(quoted.getString("_id")),
        new UserId(quoted.getString("sender")),
        quoted.getString("text", null),
        quoted.getBoolean("deleted", false));
  }

  private static void expect(Event event, Event expected) {
    if (event != expected) {
      throw new IllegalArgumentException("expected " + expected + ", found " + event);
    }
  }

  private static <T> T required(T value, String name) {
    if (value == null) {
      throw new IllegalArgumentException(name + " is required");
    }
    return value;
  }

  private static String string(JsonParser json, Event value) {
    expect(value, Event.VALUE_STRING);
    return json.getString();
  }

  private static long number(JsonParser json, Event value) {
    expect(value, Event.VALUE_NUMBER);
    if (!json.isIntegralNumber()) {
      throw new IllegalArgumentException("expected a whole number, found " + json.getString());
    }
    return json.getLong();
  }

  private static List<UserId> users(JsonParser json, Event value) {
    expect(value, Event.START_ARRAY);
    List<UserId> users = new ArrayList<>();
    for (Event next = json.next(); next != Event.END_ARRAY; next = json.next()) {
      users.add(new UserId(string(json, next)));
    }
    return users;
  }

  /** Skips a value of no interest (an object or array whole); {@code null} for the caller. */
  private static <T> T skip(JsonParser json, Event value) {
    if (value == Event.START_OBJECT) {
      json.skipObject();
    } else if (value == Event.START_ARRAY) {
      json.skipArray();
    }
    return null;
  }
}
