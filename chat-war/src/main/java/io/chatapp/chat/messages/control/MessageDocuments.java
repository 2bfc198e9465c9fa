package io.chatapp.chat.messages.control;

import io.chatapp.chat.messages.entity.Emoji;
import io.chatapp.chat.messages.entity.MessageId;
import io.chatapp.chat.messages.entity.Reactions;
import io.chatapp.chat.messages.entity.ReplyTo;
import io.chatapp.chat.users.entity.UserId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bson.Document;

/**
 * The fields a message document gains after it is sent, and how they read: {@code replyTo: {_id,
 * sender, text}} (the quote as it was when the reply was sent), {@code editedAt}, {@code deleted},
 * and {@code reactions: {<userId>: "👍"}} (one per person, so a reaction is one {@code $set} or
 * {@code $unset} of the person's own field).
 */
final class MessageDocuments {

  static final String REPLY_TO = "replyTo";
  static final String EDITED_AT = "editedAt";
  static final String DELETED = "deleted";
  static final String DELETED_AT = "deletedAt";
  static final String REACTIONS = "reactions";

  private MessageDocuments() {}

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
