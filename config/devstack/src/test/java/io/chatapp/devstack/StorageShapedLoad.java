package io.chatapp.devstack;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.PushOptions;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * Writes shaped like chat-war's storage consumer, for the embedded server's benchmarks: a batch is
 * each chat's counter and its last 64 counted ids in one bulk write, a few users' last seen, then
 * one journaled insert of a message per chat (a fresh ObjectId's hex as its id, and a unique {@code
 * key} of chat and sequence number, as {@code MessageStore} keeps): one commit a batch, as there.
 * Until the eighteenth session the ids were random, as chat-war once derived them from client ids:
 * each insert then went to a random leaf of the documents and of the {@code _id} index, and H2's
 * page cache thrashed from the first minute (reads from the file growing to 1,600 a second), which
 * chat-war's ids, in the order they are made, do not cause.
 */
final class StorageShapedLoad {

  private static final int CHATS = 20;
  private static final int USERS = 2_000;
  private static final String TEXT = "hello ".repeat(10);

  private final MongoCollection<Document> messages;
  private final MongoCollection<Document> chats;
  private final MongoCollection<Document> users;
  private final long[] seqs = new long[CHATS];
  private long written;

  /**
   * Creates the collections, the messages' unique key and the chats and users written to; messages
   * are inserted journaled, the rest with the database's own write concern.
   */
  StorageShapedLoad(MongoDatabase db) {
    this.messages = db.getCollection("messages").withWriteConcern(WriteConcern.JOURNALED);
    this.chats = db.getCollection("chats");
    this.users = db.getCollection("users");
    messages.createIndex(Indexes.ascending("key"), new IndexOptions().unique(true).name("key"));
    for (int u = 0; u < USERS; u++) {
      users.insertOne(new Document("_id", "u" + u).append("email", "u" + u + "@example.org"));
    }
    for (int c = 0; c < CHATS; c++) {
      chats.insertOne(
          new Document("_id", "c" + c).append("unread", 0).append("counted", List.of()));
    }
  }

  long written() {
    return written;
  }

  /** One storage batch: a message to every chat, their counters, three users' last seen. */
  void batch() {
    List<Document> batch = new ArrayList<>();
    for (int c = 0; c < CHATS; c++) {
      batch.add(message(c));
    }
    messages.insertMany(batch);
    for (int c = 0; c < CHATS; c++) {
      chats.updateOne(
          Filters.eq("_id", "c" + c),
          Updates.combine(
              Updates.inc("unread", 1),
              Updates.pushEach(
                  "counted",
                  List.of(batch.get(c).getString("_id")),
                  new PushOptions().slice(-64))));
    }
    for (int k = 0; k < 3; k++) {
      users.updateOne(
          Filters.eq("_id", "u" + (written + k) % USERS),
          Updates.set("lastSeen", System.currentTimeMillis()));
    }
  }

  /** One message to the first chat and its counter: what a probe after a quiet spell writes. */
  void single() {
    chats.updateOne(Filters.eq("_id", "c0"), Updates.inc("unread", 1));
    messages.insertOne(message(0));
  }

  private Document message(int chat) {
    written++;
    long seq = ++seqs[chat];
    return new Document("_id", new ObjectId().toHexString())
        .append("chatId", "c" + chat)
        .append("seq", seq)
        .append("key", "c" + chat + ":" + seq)
        .append("sender", "u" + chat)
        .append("text", TEXT)
        .append("seen", false)
        .append("createdAt", new java.util.Date());
  }
}
