package io.chatapp.chat.messages.control;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.WriteConcern;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Updates;
import io.chatapp.chat.chats.entity.ChatId;
import io.chatapp.chat.messages.entity.Message;
import io.chatapp.chat.messages.entity.MessageId;
import io.chatapp.chat.messages.entity.PageWindow;
import io.chatapp.platform.mongo.MongoConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.Document;

/**
 * Messages in MongoDB. Every read and write goes by {@code _id} or by the unique key {@code
 * "<chatId>:<seq>"}: a page of history is one {@code $in} over the keys of the page, so its cost is
 * one page whatever the size of the history, on real MongoDB and on the embedded server alike.
 * Writes go by {@code _id} alone: the embedded server scans the collection for any other filter.
 */
@ApplicationScoped
public class MessageStore {

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
   * What {@link #insertAll} did with each message: stored now ({@code stored}), stored before under
   * its id ({@code already}, as it was stored: a redelivery, or a retried send with the same client
   * id), or refused because its sequence number is held by another message ({@code seqTaken}: the
   * chat's counter fell behind what is stored).
   */
  public record Inserted(List<Message> stored, List<Message> already, List<Message> seqTaken) {}

  /**
   * Stores the messages in one write, journaled: once this returns they survive a crash of the
   * database. A message whose id or key is taken is left as it is and reported.
   */
  public Inserted insertAll(List<Message> batch) {
    if (batch.isEmpty()) {
      return new Inserted(List.of(), List.of(), List.of());
    }
    List<Message> refused = new ArrayList<>();
    try {
      mongo.call(
          db ->
              journaled()
                  .insertMany(
                      batch.stream().map(MessageDocuments::toDocument).toList(),
                      new InsertManyOptions().ordered(false)));
    } catch (MongoBulkWriteException e) {
      for (BulkWriteError error : e.getWriteErrors()) {
        if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
          throw e;
        }
        refused.add(batch.get(error.getIndex()));
      }
    }
    if (refused.isEmpty()) {
      return new Inserted(batch, List.of(), List.of());
    }
    Map<MessageId, Message> earlier = new HashMap<>();
    findAll(refused.stream().map(Message::id).toList())
        .forEach(message -> earlier.put(message.id(), message));
    List<Message> stored = new ArrayList<>(batch);
    stored.removeAll(refused);
    List<Message> already = new ArrayList<>();
    List<Message> seqTaken = new ArrayList<>();
    for (Message message : refused) {
      Message found = earlier.get(message.id());
      if (found == null) {
        seqTaken.add(message);
      } else {
        already.add(found);
      }
    }
    return new Inserted(stored, already, seqTaken);
  }

  public Optional<Message> find(MessageId id) {
    return Optional.ofNullable(
            mongo.call(db -> messages().find(Filters.eq("_id", id.value())).first()))
        .map(MessageDocuments::toMessage);
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
        .forEach(document -> found.add(MessageDocuments.toMessage(document)));
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
        keys.add(MessageDocuments.key(chat, seq));
      }
      mongo
          .call(
              db -> messages().find(Filters.in(MessageDocuments.KEY, keys)).into(new ArrayList<>()))
          .forEach(document -> found.add(MessageDocuments.toMessage(document)));
      window =
          found.size() >= limit || round >= MAX_GAP_ROUNDS
              ? Optional.empty()
              : current.below(PageWindow.widened(limit, round));
    }
    found.sort(Comparator.comparingLong(Message::seq));
    return found.size() > limit ? found.subList(found.size() - limit, found.size()) : found;
  }

  /**
   * Marks the messages seen at {@code at}: one update over their ids ({@code $min} keeps the time a
   * message was first seen).
   */
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
                        Updates.set("seen", true), Updates.min("seenAt", Date.from(at)))));
  }

  /** Creates the unique key index (at startup, and before first use if that failed). */
  public void ensureIndexes() {
    if (indexesReady.get()) {
      return;
    }
    mongo.call(
        db ->
            db.getCollection("messages")
                .createIndex(
                    Indexes.ascending(MessageDocuments.KEY),
                    new IndexOptions().unique(true).name(MessageDocuments.KEY)));
    indexesReady.set(true);
  }

  private MongoCollection<Document> messages() {
    ensureIndexes();
    return mongo.database().getCollection("messages");
  }

  /** For writes that must survive a crash before they are acknowledged (see {@code j: true}). */
  private MongoCollection<Document> journaled() {
    return messages().withWriteConcern(WriteConcern.JOURNALED);
  }

  /**
   * Records that the messages reached one of their recipient's sockets; returns those for which
   * this is the first time (not delivered nor read before). One read and one write over their ids;
   * {@code $min} keeps the first time should two instances record the same message at once.
   */
  public List<MessageId> markDelivered(List<MessageId> ids, Instant at) {
    if (ids.isEmpty()) {
      return List.of();
    }
    List<String> values = ids.stream().map(MessageId::value).distinct().toList();
    List<String> fresh = new ArrayList<>();
    mongo
        .call(
            db ->
                messages()
                    .find(Filters.in("_id", values))
                    .projection(new Document("deliveredAt", 1).append("seen", 1))
                    .into(new ArrayList<>()))
        .forEach(
            document -> {
              if (document.get("deliveredAt") == null && !document.getBoolean("seen", false)) {
                fresh.add(document.getString("_id"));
              }
            });
    if (fresh.isEmpty()) {
      return List.of();
    }
    mongo.call(
        db ->
            messages()
                .updateMany(Filters.in("_id", fresh), Updates.min("deliveredAt", Date.from(at))));
    return fresh.stream().map(MessageId::new).toList();
  }
}
