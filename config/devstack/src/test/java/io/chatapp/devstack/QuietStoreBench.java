package io.chatapp.devstack;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.PushOptions;
import com.mongodb.client.model.Updates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * The first journaled write after a quiet spell, in the embedded server alone. Not a test: run it
 * ({@code bench/quiet-store}) and read the figures.
 *
 * <p>Each cycle writes as chat-war's storage consumer does at about 500 msg/s (journaled inserts of
 * 20 messages, then each chat's counter and its last 64 counted ids, and a few users' last seen),
 * goes quiet, then times 20 journaled message-and-counter writes 200 ms apart. The first of them is
 * the figure: it is the one a person sending the first message after a quiet minute waits for.
 *
 * <p>Arguments: {@code --quiet S} (60), {@code --cycles N} (3), {@code --load S} (20), {@code
 * --file PATH} (target/quiet-store/bench.mv, removed first).
 */
public final class QuietStoreBench {

  private static final int CHATS = 20;
  private static final int USERS = 2_000;
  private static final int PROBES = 20;
  private static final String TEXT = "hello ".repeat(10);

  private final MongoCollection<Document> messages;
  private final MongoCollection<Document> chats;
  private final MongoCollection<Document> users;
  private int written;

  private QuietStoreBench(MongoDatabase db) {
    this.messages = db.getCollection("messages");
    this.chats = db.getCollection("chats");
    this.users = db.getCollection("users");
  }

  public static void main(String[] args) throws Exception {
    int quiet = intArg(args, "--quiet", 60);
    int cycles = intArg(args, "--cycles", 3);
    int load = intArg(args, "--load", 20);
    Path file = Path.of(arg(args, "--file", "target/quiet-store/bench.mv"));
    Files.deleteIfExists(file);
    try (EmbeddedMongo server = EmbeddedMongo.start("127.0.0.1", 0, file);
        MongoClient client = MongoClients.create(server.uri())) {
      MongoDatabase db = client.getDatabase("chat").withWriteConcern(WriteConcern.JOURNALED);
      QuietStoreBench bench = new QuietStoreBench(db);
      bench.fill();
      List<Long> firsts = new ArrayList<>();
      for (int cycle = 1; cycle <= cycles; cycle++) {
        System.out.printf("cycle %d/%d: writing for %d s%n", cycle, cycles, load);
        bench.load(load);
        System.out.printf(
            "cycle %d/%d: %d messages written, %s on disk; quiet for %d s%n",
            cycle, cycles, bench.written, megabytes(file), quiet);
        Thread.sleep(quiet * 1000L);
        List<Long> probes = bench.probes();
        firsts.add(probes.get(0));
        System.out.printf(
            "cycle %d/%d: writes after the quiet spell, ms: %s%n", cycle, cycles, probes);
      }
      System.out.printf(
          "first write after %d quiet seconds, ms: %s; file %s%n", quiet, firsts, megabytes(file));
    }
  }

  private void fill() {
    for (int u = 0; u < USERS; u++) {
      users.insertOne(new Document("_id", "u" + u).append("email", "u" + u + "@example.org"));
    }
    for (int c = 0; c < CHATS; c++) {
      chats.insertOne(
          new Document("_id", "c" + c).append("unread", 0).append("counted", List.of()));
    }
  }

  private void load(int seconds) throws InterruptedException {
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    while (System.nanoTime() < end) {
      List<Document> batch = new ArrayList<>();
      for (int c = 0; c < CHATS; c++) {
        batch.add(message(c));
      }
      messages.insertMany(batch);
      for (int c = 0; c < CHATS; c++) {
        String id = batch.get(c).getObjectId("_id").toHexString();
        chats.updateOne(
            Filters.eq("_id", "c" + c),
            Updates.combine(
                Updates.inc("unread", 1),
                Updates.pushEach("counted", List.of(id), new PushOptions().slice(-64))));
      }
      for (int k = 0; k < 3; k++) {
        users.updateOne(
            Filters.eq("_id", "u" + (written + k) % USERS),
            Updates.set("lastSeen", System.currentTimeMillis()));
      }
      Thread.sleep(15);
    }
  }

  private List<Long> probes() throws InterruptedException {
    List<Long> millis = new ArrayList<>();
    for (int p = 0; p < PROBES; p++) {
      long start = System.nanoTime();
      messages.insertOne(message(0));
      chats.updateOne(Filters.eq("_id", "c0"), Updates.inc("unread", 1));
      millis.add((System.nanoTime() - start) / 1_000_000);
      Thread.sleep(200);
    }
    return millis;
  }

  private Document message(int chat) {
    written++;
    return new Document("_id", new ObjectId())
        .append("chatId", "c" + chat)
        .append("text", TEXT)
        .append("seq", written);
  }

  private static String megabytes(Path file) {
    try {
      return Files.size(file) / (1024 * 1024) + " MiB";
    } catch (IOException e) {
      return "? MiB";
    }
  }

  private static int intArg(String[] args, String name, int fallback) {
    return Integer.parseInt(arg(args, name, String.valueOf(fallback)));
  }

  private static String arg(String[] args, String name, String fallback) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return fallback;
  }
}
