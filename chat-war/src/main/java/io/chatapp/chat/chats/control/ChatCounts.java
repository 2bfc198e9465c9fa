package io.chatapp.chat.chats.control;

import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import io.chatapp.chat.chats.entity.ChatId;
import io.chatapp.chat.messages.entity.MessageId;
import io.chatapp.chat.users.entity.UserId;
import io.chatapp.platform.mongo.MongoConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;

/**
 * What stored messages change on their chats ({@code chats}, the documents {@link ChatStore}
 * reads): the recipients' unread counters, the latest message, the activity time and the highest
 * stored number, each exactly once per message, however often the storage step runs for it.
 *
 * <p>The writes are made so that a retried or raced one is still right: the latest message is a
 * {@code $max} over {@code {seq, text, sender}} (it never moves backwards, whichever instance
 * writes last), the activity time a {@code $max}, and the unread counter is counted once per
 * message by the ids kept in {@code counted}. Each is one write by {@code _id}, so it costs the
 * same whatever the history's size; {@link ChatCountWrite} builds it.
 */
@ApplicationScoped
public class ChatCounts {

  @Inject MongoConnection mongo;

  public ChatCounts() {}

  /** For use outside the container (tests, benchmarks). */
  public ChatCounts(MongoConnection mongo) {
    this.mongo = mongo;
  }

  /**
   * A message about to be stored, as its chat counts it: {@code unreadFor} is its recipient, or
   * null when the recipient read it on arrival.
   */
  public record NewMessage(
      MessageId id,
      long seq,
      UserId sender,
      UserId unreadFor,
      String preview,
      String messageType,
      Instant at) {}

  /**
   * Counts each chat's messages on it, exactly once: all chats in one round trip when none of the
   * messages was counted before, as for every new batch ({@link #countAllFresh}). Else (a
   * redelivery) each chat in turn counts what it has not counted yet. A failure is thrown, and the
   * batch retried: each count is exactly once whatever is retried. {@code groups}: the chats that
   * are groups.
   */
  public void countAll(Map<ChatId, List<NewMessage>> byChat, Set<ChatId> groups) {
    if (countAllFresh(byChat, groups)) {
      return;
    }
    notCountedYet(byChat).forEach((chat, messages) -> count(chat, messages, groups.contains(chat)));
  }

  /**
   * The messages of each chat that it did not count yet; chats that counted them all are left out.
   */
  private Map<ChatId, List<NewMessage>> notCountedYet(Map<ChatId, List<NewMessage>> byChat) {
    Map<ChatId, Set<String>> counted = counted(byChat.keySet());
    Map<ChatId, List<NewMessage>> left = new LinkedHashMap<>();
    byChat.forEach(
        (chat, messages) -> {
          Set<String> known = counted.getOrDefault(chat, Set.of());
          List<NewMessage> notYet = notIn(messages, known);
          if (!notYet.isEmpty()) {
            left.put(chat, notYet);
          }
        });
    return left;
  }

  /** The messages whose ids are not among a chat's {@code counted} ones. */
  private static List<NewMessage> notIn(List<NewMessage> messages, Set<String> counted) {
    return messages.stream().filter(m -> !counted.contains(m.id().value())).toList();
  }

  /**
   * The chat's highest stored sequence number is at least {@code seq}: for a message stored under
   * another number than the one it was counted with ({@link ChatSequence#nextAbove}).
   */
  public void storedUpTo(ChatId id, long seq) {
    mongo.call(db -> chats().updateOne(Filters.eq("_id", id.value()), Updates.max("seq", seq)));
  }

  /**
   * Counts these messages of one chat on it, exactly once per message however often it is called:
   * the recipients' unread counters, the activity time and the latest message. One write by {@code
   * _id}, made durable by the journaled insert of the messages that follows it, and only while the
   * chat counted none of them ({@code counted: {$nin: ids}}, atomic). When it counted some already
   * (a racing consumer, an attempt that stopped before they were stored), the rest is counted. (It
   * used to count all, then take the recounted back in a second write, which a database stop
   * between the two would lose, leaving the counter too high.)
   */
  void count(ChatId id, List<NewMessage> messages) {
    count(id, messages, false);
  }

  /**
   * {@link #count(ChatId, List)}; in a group ({@code group} true) no unread counters, but each
   * sender's read position moves up to their own message in the same write.
   */
  private void count(ChatId id, List<NewMessage> messages, boolean group) {
    List<NewMessage> left = messages;
    for (int attempt = 0; !left.isEmpty(); attempt++) {
      List<NewMessage> these = left;
      long matched =
          mongo
              .call(
                  db ->
                      chats()
                          .updateOne(
                              ChatCountWrite.uncounted(id, these),
                              ChatCountWrite.countOf(these, group)))
              .getMatchedCount();
      if (matched == 1) {
        return;
      }
      Set<String> counted = counted(List.of(id)).get(id);
      if (counted == null) {
        throw new IllegalStateException("No chat " + id);
      }
      left = notIn(these, counted);
      if (left.size() == these.size() && attempt > 3) {
        throw new IllegalStateException("Chat " + id + " refuses to count " + left.size());
      }
    }
  }

  /**
   * Counts the messages of many chats in one round trip, each chat's only when the chat counted
   * none of them before ({@code counted: {$nin: ids}}, atomic per chat), and tells whether every
   * chat counted its messages so. When one did not (a redelivery of messages counted before, or a
   * chat that is gone), {@link #countAll} counts what each chat has left. {@code groups}: the chats
   * that are groups.
   */
  public boolean countAllFresh(Map<ChatId, List<NewMessage>> byChat, Set<ChatId> groups) {
    List<UpdateOneModel<Document>> counts = new ArrayList<>();
    byChat.forEach(
        (chat, messages) ->
            counts.add(
                new UpdateOneModel<>(
                    ChatCountWrite.uncounted(chat, messages),
                    ChatCountWrite.countOf(messages, groups.contains(chat)))));
    BulkWriteResult result =
        mongo.call(db -> chats().bulkWrite(counts, new BulkWriteOptions().ordered(false)));
    return result.getMatchedCount() == counts.size();
  }

  /** The ids of the last messages each of these chats counted; a chat that is gone has none. */
  private Map<ChatId, Set<String>> counted(Collection<ChatId> ids) {
    Map<ChatId, Set<String>> counted = new HashMap<>();
    mongo
        .call(
            db ->
                chats()
                    .find(Filters.in("_id", ids.stream().map(ChatId::value).toList()))
                    .projection(new Document("counted", 1))
                    .into(new ArrayList<>()))
        .forEach(
            chat ->
                counted.put(
                    new ChatId(chat.getString("_id")),
                    Set.copyOf(chat.getList("counted", String.class, List.of()))));
    return counted;
  }

  private MongoCollection<Document> chats() {
    return mongo.database().getCollection("chats");
  }
}
