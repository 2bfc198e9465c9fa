package io.chatapp.chat.chats.control;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.chatapp.chat.chats.entity.Chat;
import io.chatapp.chat.chats.entity.ChatId;
import io.chatapp.chat.users.entity.UserId;
import io.chatapp.platform.mongo.MongoConnection;
import io.chatapp.platform.mongo.PairKey;
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
 * Chats in MongoDB, read and written only by {@code _id} or a unique key, so every operation costs
 * the same with 10 or 10 million messages, on real MongoDB and on the embedded server (which scans
 * for anything else, even a filter of {@code _id} plus one more field). {@code chats}: one document
 * per chat, unique {@code pairKey} (the two member ids, sorted) so a 1:1 chat exists once even
 * under concurrent creation ({@link PairKey}; user-war reads it too, to know who shares a chat).
 * {@code userChats}: one document per user ({@code _id} = user id) listing the user's chat ids, for
 * the chat list.
 *
 * <p>What stored messages change on a chat (its counters, latest message and activity time) is
 * written by {@link ChatCounts}, exactly once per message.
 */
@ApplicationScoped
public class ChatStore {

  private static final String PAIR_KEY = PairKey.FIELD;

  /** The latest edit or deletion of a message of the chat ({@link #latestChanged}). */
  private static final String LATEST_CHANGE = "latestChange";

  /** What reads of a chat leave out: the ids of counted messages are {@link ChatCounts}' own. */
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
        document.getBoolean(GroupDocuments.IS_GROUP, false)
            ? GroupDocuments.toGroup(document)
            : null);
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
