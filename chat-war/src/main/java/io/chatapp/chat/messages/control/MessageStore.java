package io.chatapp.chat.messages.control;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import io.chatapp.chat.chats.entity.ChatId;
import io.chatapp.chat.messages.entity.Message;
import io.chatapp.chat.messages.entity.MessageId;
import io.chatapp.chat.messages.entity.MessageImage;
import io.chatapp.chat.messages.entity.PageWindow;
import io.chatapp.chat.users.entity.UserId;
import io.chatapp.platform.mongo.MongoConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Messages in MongoDB. Every read and write goes by {@code _id} or by the unique key {@code
 * "<chatId>:<seq>"}: a page of history is one {@code $in} over the keys of the page, so its cost is
 * one page whatever the size of the history, on real MongoDB and on the embedded server alike.
 * Writes go by {@code _id} alone: the embedded server scans the collection for any other filter.
 */
@ApplicationScoped
public class MessageStore {

  static final String KEY = "key";
  private static final String COUNTED = "counted";

  /**
   * Rounds of widening a page downwards over gaps (numbers given to sends the broker refused); the
   * window doubles each round, so a gap of 100,000 numbers is crossed in about 25 rounds.
   */
  private static final int MAX_GAP_ROUNDS = 30;

  @Inject MongoConnection mongo;

  private final AtomicBoolean indexesReady = new AtomicBoolean();

  public MessageStore() {}

  /** For use outside the container (tests, benchmarks). */
  public MessageStore(MongoConnection mongo) {
    this.mongo = mongo;
  }

  /**
   * What {@link #insert} found: the message is now stored ({@code STORED}), a message with its id
   * was stored before ({@code ALREADY}, with that one), or its sequence number is held by another
   * message ({@code SEQ_TAKEN}: the chat's counter fell behind what is stored). {@code counted}:
   * the stored message was counted on its chat already.
   */
  public record Insert(Outcome outcome, Message stored, boolean counted) {
    public enum Outcome {
      STORED,
      ALREADY,
      SEQ_TAKEN
    }
  }

  /** Stores the message unless a message with its id is stored already; one write. */
  public Insert insert(Message message) {
    try {
      mongo.call(db -> messages().insertOne(toDocument(message)));
      return new Insert(Insert.Outcome.STORED, message, false);
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
        throw e;
      }
      Document earlier =
          mongo.call(db -> messages().find(Filters.eq("_id", message.id().value())).first());
      return earlier == null
          ? new Insert(Insert.Outcome.SEQ_TAKEN, message, false)
          : new Insert(
              Insert.Outcome.ALREADY, toMessage(earlier), earlier.getBoolean(COUNTED, false));
    }
  }

  /** Notes that the message was counted on its chat (its unread counter, latest message). */
  public void markCounted(MessageId id) {
    mongo.call(
        db -> messages().updateOne(Filters.eq("_id", id.value()), Updates.set(COUNTED, true)));
  }

  public Optional<Message> find(MessageId id) {
    return Optional.ofNullable(
            mongo.call(db -> messages().find(Filters.eq("_id", id.value())).first()))
        .map(MessageStore::toMessage);
  }

  /** The stored messages among these ids (one {@code $in} over {@code _id}). */
  public List<Message> findAll(List<MessageId> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    List<String> values = ids.stream().map(MessageId::value).distinct().toList();
    List<Message> found = new ArrayList<>();
    mongo
        .call(db -> messages().find(Filters.in("_id", values)).into(new ArrayList<>()))
        .forEach(document -> found.add(toMessage(document)));
    return found;
  }

  /**
   * Up to {@code limit} messages of the chat with sequence numbers up to {@code top}, oldest first.
   * Skips numbers that hold no message (a send the broker refused, one not stored yet): without
   * gaps this is one {@code $in} over {@code limit} keys.
   */
  public List<Message> page(ChatId chat, long top, int limit) {
    List<Message> found = new ArrayList<>();
    Optional<PageWindow> window = PageWindow.endingAt(top, limit);
    for (int round = 1; window.isPresent(); round++) {
      PageWindow current = window.get();
      List<String> keys = new ArrayList<>(current.size());
      for (long seq = current.from(); seq <= current.to(); seq++) {
        keys.add(key(chat, seq));
      }
      mongo
          .call(db -> messages().find(Filters.in(KEY, keys)).into(new ArrayList<>()))
          .forEach(document -> found.add(toMessage(document)));
      window =
          found.size() >= limit || round >= MAX_GAP_ROUNDS
              ? Optional.empty()
              : current.below(PageWindow.widened(limit, round));
    }
    found.sort(Comparator.comparingLong(Message::seq));
    return found.size() > limit ? found.subList(found.size() - limit, found.size()) : found;
  }

  /** Marks the messages seen at {@code at}: one update over their ids. */
  public void markSeen(List<MessageId> ids, Instant at) {
    if (ids.isEmpty()) {
      return;
    }
    List<String> values = ids.stream().map(MessageId::value).toList();
    mongo.call(
        db ->
            messages()
                .updateMany(
                    Filters.in("_id", values),
                    Updates.combine(
                        Updates.set("seen", true), Updates.set("seenAt", Date.from(at)))));
  }

  /** Creates the unique key index (at startup, and before first use if that failed). */
  public void ensureIndexes() {
    if (indexesReady.get()) {
      return;
    }
    mongo.call(
        db ->
            db.getCollection("messages")
                .createIndex(Indexes.ascending(KEY), new IndexOptions().unique(true).name(KEY)));
    indexesReady.set(true);
  }

  static String key(ChatId chat, long seq) {
    return chat.value() + ":" + seq;
  }

  private MongoCollection<Document> messages() {
    ensureIndexes();
    return mongo.database().getCollection("messages");
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
    return document;
  }

  /**
   * Records that the message reached one of the recipient's sockets; true only the first time (and
   * not once it was read). One write by {@code _id}: {@code $min} keeps the first time.
   */
  public boolean markDelivered(MessageId id, Instant at) {
    Document before =
        updateReturningBefore(
            id,
            Updates.min("deliveredAt", Date.from(at)),
            new Document("deliveredAt", 1).append("seen", 1));
    return before != null && before.get("deliveredAt") == null && !before.getBoolean("seen", false);
  }

  /**
   * Marks one message seen at {@code at}; true when it was not seen before. One write by {@code
   * _id}.
   */
  public boolean markSeen(MessageId id, Instant at) {
    Document before =
        updateReturningBefore(
            id,
            Updates.combine(Updates.set("seen", true), Updates.min("seenAt", Date.from(at))),
            new Document("seen", 1));
    return before != null && !before.getBoolean("seen", false);
  }

  /** One update of a message by {@code _id}; the fields asked for as they were before it. */
  private Document updateReturningBefore(MessageId id, Bson update, Document fields) {
    return mongo.call(
        db ->
            messages()
                .findOneAndUpdate(
                    Filters.eq("_id", id.value()),
                    update,
                    new FindOneAndUpdateOptions()
                        .returnDocument(ReturnDocument.BEFORE)
                        .projection(fields)));
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
    return new Message(
        new MessageId(document.getString("_id")),
        new ChatId(document.getString("chatId")),
        document.get("seq", Number.class).longValue(),
        new UserId(document.getString("sender")),
        document.getString("text"),
        image == null
            ? null
            : new MessageImage(image.getString("url"), image.getString("publicId")),
        document.getBoolean("seen", false),
        seenAt == null ? null : seenAt.toInstant(),
        document.getDate("createdAt").toInstant(),
        deliveredAt == null ? null : deliveredAt.toInstant());
  }
}
