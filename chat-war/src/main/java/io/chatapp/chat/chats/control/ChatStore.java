package io.chatapp.chat.chats.control;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.chatapp.chat.chats.entity.Chat;
import io.chatapp.chat.chats.entity.ChatId;
import io.chatapp.chat.messages.entity.MessageId;
import io.chatapp.chat.users.entity.UserId;
import io.chatapp.platform.mongo.MongoConnection;
import io.chatapp.platform.mongo.PairKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.BsonArray;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonNull;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.Document;

/**
 * Chats in MongoDB, read and written only by {@code _id} or a unique key, so every operation costs
 * the same with 10 or 10 million messages, on real MongoDB and on the embedded server (which scans
 * for anything else, even a filter of {@code _id} plus one more field). {@code chats}: one document
 * per chat, unique {@code pairKey} (the two member ids, sorted) so a 1:1 chat exists once even
 * under concurrent creation ({@link PairKey}; user-war reads it too, to know who shares a chat).
 * {@code userChats}: one document per user ({@code _id} = user id) listing the user's chat ids, for
 * the chat list.
 *
 * <p>A chat's counters are written so that a retried or raced update is still right: the latest
 * message is a {@code $max} over {@code {seq, text, sender}} (it never moves backwards, whichever
 * instance writes last), the activity time a {@code $max}, and the unread counter is counted once
 * per message by the ids kept in {@code counted}.
 */
@ApplicationScoped
public class ChatStore {

  private static final String PAIR_KEY = PairKey.FIELD;

  /** The latest edit or deletion of a message of the chat ({@link #latestChanged}). */
  private static final String LATEST_CHANGE = "latestChange";

  /**
   * How many of a chat's latest counted message ids it remembers. A message is stored right after
   * it was counted (see {@code MessageSteps}); these ids only catch an attempt that stopped between
   * the two writes and is made again while fewer than this many later messages of the chat were
   * counted.
   */
  static final int COUNTED_IDS = 64;

  /** What reads of a chat leave out: the ids of counted messages are for {@link #count}. */
  private static final Document WITHOUT_COUNTED = new Document("counted", 0);

  @Inject MongoConnection mongo;

  private final AtomicBoolean indexesReady = new AtomicBoolean();

  public ChatStore() {}

  /** For use outside the container (tests, benchmarks). */
  public ChatStore(MongoConnection mongo) {
    this.mongo = mongo;
  }

  /** The result of {@link #findOrCreate}: the chat and whether this call created it. */
  public record Creation(Chat chat, boolean created) {}

  /** The chat between the two users, if there is one. */
  public Optional<Chat> findBetween(UserId a, UserId b) {
    return mongo
        .call(
            db ->
                Optional.ofNullable(
                    chats()
                        .find(Filters.eq(PAIR_KEY, pairKey(a, b)))
                        .projection(WITHOUT_COUNTED)
                        .first()))
        .map(ChatStore::toChat);
  }

  /** The chat between the two users, created by {@code creator} if it did not exist. */
  public Creation findOrCreate(UserId creator, UserId other) {
    String key = pairKey(creator, other);
    Optional<Chat> existing = findBetween(creator, other);
    if (existing.isPresent()) {
      listForBoth(existing.get());
      return new Creation(existing.get(), false);
    }
    Date now = new Date();
    ChatId id = ChatId.fresh();
    Document chat =
        new Document("_id", id.value())
            .append(PAIR_KEY, key)
            .append("users", List.of(creator.value(), other.value()))
            .append("latest", null)
            .append("unread", new Document(creator.value(), 0).append(other.value(), 0))
            .append("seq", 0L)
            .append("createdAt", now)
            .append("updatedAt", now);
    try {
      mongo.call(db -> chats().insertOne(chat));
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
        throw e;
      }
      Chat winner = findBetween(creator, other).orElseThrow(() -> e);
      listForBoth(winner);
      return new Creation(winner, false);
    }
    Chat created = toChat(chat);
    listForBoth(created);
    return new Creation(created, true);
  }

  public Optional<Chat> find(ChatId id) {
    return Optional.ofNullable(
            mongo.call(
                db ->
                    chats()
                        .find(Filters.eq("_id", id.value()))
                        .projection(WITHOUT_COUNTED)
                        .first()))
        .map(ChatStore::toChat);
  }

  /** The user's chats, newest activity first: two lookups whatever the history size. */
  public List<Chat> listFor(UserId user) {
    Document entry = mongo.call(db -> userChats().find(Filters.eq("_id", user.value())).first());
    if (entry == null) {
      return List.of();
    }
    List<String> ids = entry.getList("chats", String.class, List.of());
    if (ids.isEmpty()) {
      return List.of();
    }
    List<Chat> found = new ArrayList<>();
    mongo
        .call(
            db ->
                chats()
                    .find(Filters.in("_id", ids))
                    .projection(WITHOUT_COUNTED)
                    .into(new ArrayList<>()))
        .forEach(document -> found.add(toChat(document)));
    found.sort(Comparator.comparing((Chat chat) -> chat.activityFor(user)).reversed());
    return found;
  }

  /**
   * The chat's highest stored sequence number is at least {@code seq}: for a message stored under
   * another number than the one it was counted with ({@link ChatSequence#nextAbove}).
   */
  public void storedUpTo(ChatId id, long seq) {
    mongo.call(db -> chats().updateOne(Filters.eq("_id", id.value()), Updates.max("seq", seq)));
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
   * Counts these messages of one chat on it, exactly once per message however often it is called:
   * the recipients' unread counters, the activity time and the latest message. One write by {@code
   * _id}, made durable by the journaled insert of the messages that follows it, and only while the
   * chat counted none of them ({@code counted: {$nin: ids}}, atomic). When it counted some already
   * (a racing consumer, an attempt that stopped before they were stored), the rest is counted. (It
   * used to count all, then take the recounted back in a second write, which a database stop
   * between the two would lose, leaving the counter too high.)
   */
  public void count(ChatId id, List<NewMessage> messages) {
    count(id, messages, false);
  }

  /**
   * {@link #count(ChatId, List)}; in a group ({@code group} true) no unread counters, but each
   * sender's read position moves up to their own message in the same write.
   */
  public void count(ChatId id, List<NewMessage> messages, boolean group) {
    List<NewMessage> left = messages;
    for (int attempt = 0; !left.isEmpty(); attempt++) {
      List<NewMessage> these = left;
      long matched =
          mongo
              .call(db -> chats().updateOne(uncounted(id, these), countOf(these, group)))
              .getMatchedCount();
      if (matched == 1) {
        return;
      }
      Set<String> counted = counted(List.of(id)).get(id);
      if (counted == null) {
        throw new IllegalStateException("No chat " + id);
      }
      left = these.stream().filter(m -> !counted.contains(m.id().value())).toList();
      if (left.size() == these.size() && attempt > 3) {
        throw new IllegalStateException("Chat " + id + " refuses to count " + left.size());
      }
    }
  }

  /**
   * Counts the messages of many chats in one round trip, each chat's only when the chat counted
   * none of them before ({@code counted: {$nin: ids}}, atomic per chat), and tells whether every
   * chat counted its messages so. When one did not (a redelivery of messages counted before, or a
   * chat that is gone), {@link #counted} tells what each chat counted already, and {@link
   * #count(ChatId, List, boolean)} counts what is left. {@code groups}: the chats that are groups.
   */
  public boolean countAllFresh(Map<ChatId, List<NewMessage>> byChat, Set<ChatId> groups) {
    List<UpdateOneModel<Document>> counts = new ArrayList<>();
    byChat.forEach(
        (chat, messages) ->
            counts.add(
                new UpdateOneModel<>(
                    uncounted(chat, messages), countOf(messages, groups.contains(chat)))));
    BulkWriteResult result =
        mongo.call(db -> chats().bulkWrite(counts, new BulkWriteOptions().ordered(false)));
    return result.getMatchedCount() == counts.size();
  }

  /** The ids of the last messages each of these chats counted; a chat that is gone has none. */
  public Map<ChatId, Set<String>> counted(Collection<ChatId> ids) {
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
   * time, the latest message, and their ids among the chat's last counted ones.
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
      GroupStore.sendersRead(messages).forEach(max::append);
    }
    max.append("updatedAt", new BsonDateTime(latestAt.toEpochMilli()))
        .append("seq", new BsonInt64(newest.seq()))
        .append(
            "latest",
            new BsonDocument("seq", new BsonInt64(newest.seq()))
                .append("text", stringOrNull(newest.preview()))
                .append("sender", new BsonString(newest.sender().value()))
                .append("messageType", stringOrNull(newest.messageType())));
    return update
        .append("$max", max)
        .append(
            "$push",
            new BsonDocument(
                "counted",
                new BsonDocument("$each", ids(messages))
                    .append("$slice", new BsonInt32(-COUNTED_IDS))));
  }

  private static BsonValue stringOrNull(String value) {
    return value == null ? BsonNull.VALUE : new BsonString(value);
  }

  /**
   * Message {@code seq} of the chat was edited ({@code preview} its new preview) or deleted: if it
   * is the chat's latest message, the chat list shows it so. One write by {@code _id}, without a
   * read: a {@code $max} over {@code latestChange: {seq, deleted, at, text}}, which the list reads
   * only while its {@code seq} is the latest's. Later messages win by {@code seq}, a deletion wins
   * over any edit of the same message, a later edit over an earlier one.
   */
  public void latestChanged(ChatId id, long seq, String preview, boolean deleted, Instant at) {
    mongo.call(
        db ->
            chats()
                .updateOne(
                    Filters.eq("_id", id.value()),
                    Updates.max(
                        LATEST_CHANGE,
                        new Document("seq", seq)
                            .append("deleted", deleted)
                            .append("at", Date.from(at))
                            .append("text", deleted ? "" : preview))));
  }

  /** The user has caught up with the chat: their unread counter is zero. */
  public void resetUnread(ChatId id, UserId user) {
    mongo.call(
        db ->
            chats()
                .updateOne(
                    Filters.eq("_id", id.value()), Updates.set("unread." + user.value(), 0)));
  }

  /** Creates the unique index (at startup, and before first use if that failed); idempotent. */
  public void ensureIndexes() {
    if (indexesReady.get()) {
      return;
    }
    mongo.call(
        db ->
            db.getCollection("chats")
                .createIndex(
                    Indexes.ascending(PAIR_KEY), new IndexOptions().unique(true).name(PAIR_KEY)));
    indexesReady.set(true);
  }

  static String pairKey(UserId a, UserId b) {
    return PairKey.of(a.value(), b.value());
  }

  private void listForBoth(Chat chat) {
    for (UserId user : chat.users()) {
      mongo.call(
          db ->
              userChats()
                  .updateOne(
                      Filters.eq("_id", user.value()),
                      Updates.addToSet("chats", chat.id().value()),
                      new UpdateOptions().upsert(true)));
    }
  }

  private MongoCollection<Document> chats() {
    ensureIndexes();
    return mongo.database().getCollection("chats");
  }

  private MongoCollection<Document> userChats() {
    return mongo.database().getCollection("userChats");
  }

  static Chat toChat(Document document) {
    Document latest = document.get("latest", Document.class);
    Map<UserId, Integer> unread = new HashMap<>();
    Document counters = document.get("unread", Document.class);
    if (counters != null) {
      counters.forEach((user, count) -> unread.put(new UserId(user), (int) numberOr(count, 0L)));
    }
    return new Chat(
        new ChatId(document.getString("_id")),
        document.getList("users", String.class).stream().map(UserId::new).toList(),
        latestMessage(latest, document.get(LATEST_CHANGE, Document.class)),
        unread,
        numberOr(document.get("seq"), 0L),
        document.getDate("createdAt").toInstant(),
        document.getDate("updatedAt").toInstant(),
        document.getBoolean(GroupStore.IS_GROUP, false) ? GroupStore.toGroup(document) : null);
  }

  /** The latest message as the list shows it: edited or deleted when its latest change says so. */
  private static Chat.LatestMessage latestMessage(Document latest, Document change) {
    if (latest == null) {
      return null;
    }
    UserId sender = new UserId(latest.getString("sender"));
    String type = latest.get("messageType", "text"); // kept since groups came; "text" before
    if (change != null && numberOr(change.get("seq"), -1) == numberOr(latest.get("seq"), -2)) {
      return new Chat.LatestMessage(
          change.getString("text"), sender, change.getBoolean("deleted", false), type);
    }
    return new Chat.LatestMessage(latest.getString("text"), sender, false, type);
  }

  static long numberOr(Object value, long fallback) {
    return value instanceof Number number ? number.longValue() : fallback;
  }
}
