package io.chatapp.chat.messages.boundary;

import static io.chatapp.platform.json.JsonSupport.JSON;

import io.chatapp.chat.common.entity.IsoTime;
import io.chatapp.chat.messages.entity.Emoji;
import io.chatapp.chat.messages.entity.Message;
import io.chatapp.chat.messages.entity.MessageImage;
import io.chatapp.chat.messages.entity.Reactions;
import io.chatapp.chat.messages.entity.ReplyTo;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A message as the REST API and the socket frames show it: the message document of the original
 * service's contract, with its image, the quote of a reply and the reactions. The broker's envelope
 * carries an image and a quote in the same shape.
 */
public final class MessageJson {

  private MessageJson() {}

  /**
   * The message document; {@code replyTo}, {@code editedAt} and {@code reactions} only when there
   * are any, so a plain message reads as it always did. A deleted message is {@code {_id, chatId,
   * sender, deleted: true, createdAt}}.
   */
  public static JsonObject of(Message message) {
    if (message.deleted()) {
      return JSON.createObjectBuilder()
          .add("_id", message.id().value())
          .add("chatId", message.chatId().value())
          .add("sender", message.sender().value())
          .add("deleted", true)
          .add("createdAt", IsoTime.format(message.createdAt()))
          .build();
    }
    var json =
        JSON.createObjectBuilder()
            .add("_id", message.id().value())
            .add("chatId", message.chatId().value())
            .add("sender", message.sender().value())
            .add("text", message.text())
            .add("image", message.image() == null ? JsonValue.NULL : image(message.image()))
            .add("messageType", message.messageType())
            .add("seen", message.seen())
            .add("seenAt", timeOrNull(message.seenAt()))
            .add("delivered", message.delivered())
            .add("deliveredAt", timeOrNull(message.deliveredAt()))
            .add("createdAt", IsoTime.format(message.createdAt()));
    if (message.replyTo() != null) {
      json.add("replyTo", replyTo(message.replyTo()));
    }
    if (message.editedAt() != null) {
      json.add("editedAt", IsoTime.format(message.editedAt()));
    }
    if (!message.reactions().isEmpty()) {
      json.add("reactions", reactions(message.reactions()));
    }
    return json.build();
  }

  private static JsonValue timeOrNull(Instant at) {
    return at == null ? JsonValue.NULL : JSON.createValue(IsoTime.format(at));
  }

  /** {@code {url, publicId}}. */
  public static JsonObject image(MessageImage image) {
    return JSON.createObjectBuilder()
        .add("url", image.url())
        .add("publicId", image.publicId())
        .build();
  }

  /** {@code {_id, sender, text}}, or {@code {_id, sender, deleted: true}}. */
  public static JsonObject replyTo(ReplyTo quote) {
    JsonObjectBuilder json =
        JSON.createObjectBuilder()
            .add("_id", quote.id().value())
            .add("sender", quote.sender().value());
    return quote.deleted()
        ? json.add("deleted", true).build()
        : json.add("text", quote.text()).build();
  }

  /** {@code {"👍": [userId, …], …}}: emoji in the order first used, their users in order. */
  public static JsonObject reactions(Reactions reactions) {
    Map<Emoji, JsonArrayBuilder> grouped = new LinkedHashMap<>();
    reactions
        .byUser()
        .forEach(
            (user, emoji) ->
                grouped.computeIfAbsent(emoji, e -> JSON.createArrayBuilder()).add(user.value()));
    JsonObjectBuilder json = JSON.createObjectBuilder();
    grouped.forEach((emoji, users) -> json.add(emoji.value(), users));
    return json.build();
  }
}
