package io.chatapp.chat.chats.control;

import io.chatapp.chat.chats.control.ChatCounts.NewMessage;
import io.chatapp.chat.chats.entity.ChatId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.BsonArray;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonNull;
import org.bson.BsonString;
import org.bson.BsonValue;

/**
 * The one write by which {@link ChatCounts} counts a chat's new messages: its filter ({@link
 * #uncounted}) and its update ({@link #countOf}).
 */
final class ChatCountWrite {

  /**
   * How many of a chat's latest counted message ids it remembers. A message is stored right after
   * it was counted (see {@code MessageSteps}); these ids only catch an attempt that stopped between
   * the two writes and is made again while fewer than this many later messages of the chat were
   * counted.
   */
  static final int COUNTED_IDS = 64;

  /**
   * A 1:1 chat's members who have sent a message in it: user-war shows a contact's email only to
   * someone the contact has written to ({@code SharedChats}), not to whoever opened a chat with
   * them (anyone may, by id).
   */
  static final String SPOKE = "spoke";

  /**
   * The chat, while it counted none of these messages: {@code {$and: [{_id}, {counted: {$nin:
   * ids}}]}}, as {@code Filters.and(eq, nin)} renders it.
   *
   * <p>This write and {@link #countOf} are built as BSON documents, not with the driver's {@code
   * Filters} and {@code Updates}: each of those renders itself into a document first, which the
   * driver then encodes again. At 1,000 msg/s that first rendering was about a third of the counts'
   * CPU, and the counts about a sixth of chat-war's (JFR from the start, twenty-fourth session).
   * {@code ChatCountWriteTest} holds them to what the builders render.
   */
  static BsonDocument uncounted(ChatId chat, List<NewMessage> messages) {
    return new BsonDocument(
        "$and",
        new BsonArray(
            List.of(
                new BsonDocument("_id", new BsonString(chat.value())),
                new BsonDocument("counted", new BsonDocument("$nin", ids(messages))))));
  }

  private static BsonArray ids(List<NewMessage> messages) {
    BsonArray ids = new BsonArray(new ArrayList<>(messages.size()));
    messages.forEach(message -> ids.add(new BsonString(message.id().value())));
    return ids;
  }

  /**
   * The write that counts these messages of one chat: the recipients' unread counters (none in a
   * group, where each sender's read position moves up to their own message instead), the activity
   * time, the latest message, their ids among the chat's last counted ones, and (1:1) who spoke.
   */
  static BsonDocument countOf(List<NewMessage> messages, boolean group) {
    if (messages.isEmpty()) {
      throw new IllegalArgumentException("no messages to count");
    }
    Map<String, Integer> unread = new LinkedHashMap<>();
    NewMessage newest = messages.get(0);
    Instant latestAt = newest.at();
    for (NewMessage message : messages) {
      if (message.unreadFor() != null) {
        unread.merge("unread." + message.unreadFor().value(), 1, Integer::sum);
      }
      newest = message.seq() > newest.seq() ? message : newest;
      latestAt = message.at().isAfter(latestAt) ? message.at() : latestAt;
    }
    BsonDocument update = new BsonDocument();
    if (!unread.isEmpty()) {
      BsonDocument inc = new BsonDocument();
      unread.forEach((field, count) -> inc.append(field, new BsonInt32(count)));
      update.append("$inc", inc);
    }
    BsonDocument max = new BsonDocument();
    if (group) {
      GroupDocuments.sendersRead(messages).forEach(max::append);
    }
    max.append("updatedAt", new BsonDateTime(latestAt.toEpochMilli()))
        .append("seq", new BsonInt64(newest.seq()))
        .append(
            "latest",
            new BsonDocument("seq", new BsonInt64(newest.seq()))
                .append("text", stringOrNull(newest.preview()))
                .append("sender", new BsonString(newest.sender().value()))
                .append("messageType", stringOrNull(newest.messageType())));
    update
        .append("$max", max)
        .append(
            "$push",
            new BsonDocument(
                "counted",
                new BsonDocument("$each", ids(messages))
                    .append("$slice", new BsonInt32(-COUNTED_IDS))));
    if (!group) {
      update.append(
          "$addToSet", new BsonDocument(SPOKE, new BsonDocument("$each", senders(messages))));
    }
    return update;
  }

  /** The distinct senders of the messages, in order. */
  private static BsonArray senders(List<NewMessage> messages) {
    BsonArray senders = new BsonArray();
    messages.stream()
        .map(message -> message.sender().value())
        .distinct()
        .forEach(sender -> senders.add(new BsonString(sender)));
    return senders;
  }

  private static BsonValue stringOrNull(String value) {
    return value == null ? BsonNull.VALUE : new BsonString(value);
  }

  private ChatCountWrite() {}
}
