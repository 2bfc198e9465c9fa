package io.chatapp.chat.messages.control;

import io.chatapp.chat.chats.entity.ChatId;
import io.chatapp.chat.messages.entity.Emoji;
import io.chatapp.chat.messages.entity.Message;
import io.chatapp.chat.messages.entity.MessageId;
import io.chatapp.chat.messages.entity.MessageImage;
import io.chatapp.chat.messages.entity.Reactions;
import io.chatapp.chat.messages.entity.ReplyTo;
import io.chatapp.chat.users.entity.UserId;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bson.Document;

/**
 * A message as a MongoDB document. It is written whole once, by the storage step: {@code _id},
 * {@code chatId}, {@code seq} and their unique {@code key} ({@code "<chatId>:<seq>"}, by which a
 * page is read), sender, text, image, type and times. The fields it gains after it is sent are
 * {@code replyTo: {_id, sender, text}} (the quote as it was when the reply was sent), {@code
 * editedAt}, {@code deleted}, and {@code reactions: {<userId>: "👍"}} (one per person, so a
 * reaction is one {@code $set} or {@code $unset} of the person's own field).
 */
final class MessageDocuments {

  static final String KEY = "key";
  static final String REPLY_TO = "replyTo";
  static final String EDITED_AT = "editedAt";
  static final String DELETED = "deleted";
  static final String DELETED_AT = "deletedAt";
  static final String REACTIONS = "reactions";

  private MessageDocuments() {}

  static String key(ChatId chat, long seq) {
    return chat.value() + ":" + seq;
  }

  static Document toDocument(Message message) {
    Document document =
        new Document("_id", message.id().value())
            .append("chatId", message.chatId().value())
            .append("seq", message.seq())
            .append(KEY, key(message.chatId(), message.seq()))
            .append("sender", message.sender().value())
            .append("text", message.text())
            .append("image", imageDocument(message.image()))
            .append("messageType", message.messageType())
            .append("seen", message.seen())
            .append("createdAt", Date.from(message.createdAt()));
    if (message.seenAt() != null) { // absent until seen, so that $min keeps the first time
      document.append("seenAt", Date.from(message.seenAt()));
    }
    if (message.replyTo() != null) {
      document.append(REPLY_TO, replyTo(message.replyTo()));
    }
    return document;
  }

  private static Document imageDocument(MessageImage image) {
    return image == null
        ? null
        : new Document("url", image.url()).append("publicId", image.publicId());
  }

  static Message toMessage(Document document) {
    Date seenAt = document.getDate("seenAt");
    Date deliveredAt = document.getDate("deliveredAt");
    Document image = document.get("image", Document.class);
    Date editedAt = document.getDate(EDITED_AT);
    String text = document.getString("text");
    return new Message(
        new MessageId(document.getString("_id")),
        new ChatId(document.getString("chatId")),
        document.get("seq", Number.class).longValue(),
        new UserId(document.getString("sender")),
        text == null ? "" : text,
        image == null
            ? null
            : new MessageImage(image.getString("url"), image.getString("publicId")),
        document.getBoolean("seen", false),
        seenAt == null ? null : seenAt.toInstant(),
        document.getDate("createdAt").toInstant(),
        deliveredAt == null ? null : deliveredAt.toInstant(),
        Message.TYPE_SYSTEM.equals(document.getString("messageType")),
        replyTo(document),
        editedAt == null ? null : editedAt.toInstant(),
        document.getBoolean(DELETED, false),
        reactions(document));
  }

  static Document replyTo(ReplyTo quoted) {
    Document document =
        new Document("_id", quoted.id().value()).append("sender", quoted.sender().value());
    return quoted.deleted()
        ? document.append(DELETED, true)
        : document.append("text", quoted.text());
  }

  static ReplyTo replyTo(Document message) {
    Document quoted = message.get(REPLY_TO, Document.class);
    return quoted == null
        ? null
        : new ReplyTo(
            new MessageId(quoted.getString("_id")),
            new UserId(quoted.getString("sender")),
            quoted.getString("text"),
            quoted.getBoolean(DELETED, false));
  }

  static Reactions reactions(Document message) {
    Document stored = message.get(REACTIONS, Document.class);
    if (stored == null || stored.isEmpty()) {
      return Reactions.NONE;
    }
    Map<UserId, Emoji> byUser = new LinkedHashMap<>();
    stored.forEach(
        (user, emoji) -> {
          if (emoji instanceof String value && Emoji.isOne(value)) {
            byUser.put(new UserId(user), new Emoji(value));
          }
        });
    return new Reactions(byUser);
  }

  /** The field holding one person's reaction. */
  static String reactionOf(UserId user) {
    return REACTIONS + "." + user.value();
  }
}
