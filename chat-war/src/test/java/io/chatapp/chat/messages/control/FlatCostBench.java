package io.chatapp.chat.messages.control;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.chatapp.chat.chats.control.ChatService;
import io.chatapp.chat.chats.control.ChatStore;
import io.chatapp.chat.chats.entity.ChatId;
import io.chatapp.chat.common.entity.IsoTime;
import io.chatapp.chat.messages.entity.Addressed;
import io.chatapp.chat.messages.entity.Message;
import io.chatapp.chat.messages.entity.MessageId;
import io.chatapp.chat.realtime.control.Viewing;
import io.chatapp.chat.support.RecordingEvents;
import io.chatapp.chat.users.control.LastSeen;
import io.chatapp.chat.users.control.UserDirectory;
import io.chatapp.chat.users.entity.UserId;
import io.chatapp.devstack.EmbeddedMongo;
import io.chatapp.platform.mongo.MongoConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * Shows that sending, reading a page, listing chats and marking read cost the same with 0, 10,000
 * and 100,000 stored messages on the embedded default (mongo-java-server, H2 file backend, as
 * config/start runs it). Not a test: run it and read the figures.
 *
 * <pre>
 * mvn -q -pl chat-war -am test-compile
 * java -cp "chat-war/target/test-classes:chat-war/target/classes:$(cat cp.txt)" \
 *   io.chatapp.chat.messages.control.FlatCostBench
 * </pre>
 *
 * A tenth of the fill goes into the measured chat itself (so its own history grows too), the rest
 * into 200 other chats. "send" is the MongoDB work of one message: membership, the storage
 * consumer's insert and the chat's counters (the sequence number comes from Redis and the broker is
 * measured elsewhere).
 */
public final class FlatCostBench {

  /** Held so the level set on it stays (loggers are weakly referenced). */
  private static final java.util.logging.Logger DRIVER_LOG =
      java.util.logging.Logger.getLogger("org.mongodb.driver");

  private static final int ROUNDS = 200;
  private static final int WARMUP = 30;

  private final MongoConnection mongo;
  private final ChatStore chats;
  private final MessageStore messages;
  private final MessageService service;
  private final MessageSteps steps;
  private final UserId ann = new UserId(ObjectId.get().toHexString());
  private final UserId bob = new UserId(ObjectId.get().toHexString());
  private final ChatId measured;
  private final List<ChatId> background = new ArrayList<>();
  private final Map<ChatId, Long> seqs = new HashMap<>();
  private long stored;

  private FlatCostBench(MongoConnection mongo) {
    this.mongo = mongo;
    this.chats = new ChatStore(mongo);
    this.messages = new MessageStore(mongo);
    RecordingEvents events = new RecordingEvents();
    UserDirectory users = new UserDirectory("http://127.0.0.1:1", 30);
    ChatService chatService = new ChatService(chats, users, new LastSeen(mongo), events);
    this.service =
        new MessageService(chatService, chats, null, messages, null, null, null, events, null);
    this.steps = new MessageSteps(messages, chats, null, nobodyLooking(), events);
    chats.ensureIndexes();
    messages.ensureIndexes();
    measured = chats.findOrCreate(ann, bob).chat().id();
    for (int i = 0; i < 19; i++) {
      chats.findOrCreate(ann, new UserId(ObjectId.get().toHexString()));
    }
    for (int i = 0; i < 200; i++) {
      UserId x = new UserId(ObjectId.get().toHexString());
      UserId y = new UserId(ObjectId.get().toHexString());
      background.add(chats.findOrCreate(x, y).chat().id());
    }
  }

  /** Who looks at a chat lives in Redis, measured elsewhere: here nobody does. */
  private static Viewing nobodyLooking() {
    return new Viewing(null) {
      @Override
      public Map<ChatId, Set<UserId>> viewers(Map<ChatId, Set<UserId>> wanted) {
        return Map.of();
      }
    };
  }

  public static void main(String[] args) throws Exception {
    java.util.logging.Logger.getLogger("org.mongodb.driver")
        .setLevel(java.util.logging.Level.WARNING);
    Path file = Files.createTempDirectory("flat-cost").resolve("bench.mv");
    try (EmbeddedMongo server = EmbeddedMongo.start("127.0.0.1", 0, file)) {
      MongoConnection warmup = new MongoConnection(server.uri(), "warmup");
      new FlatCostBench(warmup).measure(false);
      warmup.close();
      MongoConnection mongo = new MongoConnection(server.uri(), "bench");
      FlatCostBench bench = new FlatCostBench(mongo);
      System.out.printf("%-9s %-12s %9s %9s%n", "stored", "operation", "p50 ms", "p95 ms");
      for (long level : new long[] {0, 10_000, 100_000}) {
        bench.fillTo(level);
        bench.measure(true);
      }
      mongo.close();
    }
  }

  private void fillTo(long target) {
    MongoCollection<Document> collection = mongo.database().getCollection("messages");
    List<Document> batch = new ArrayList<>();
    seqs.put(measured, chats.find(measured).orElseThrow().seq());
    long start = stored;
    for (long n = start; n < target; n++) {
      ChatId chat = n % 10 == 0 ? measured : background.get((int) (n % background.size()));
      UserId sender = chat.equals(measured) ? (n % 20 == 0 ? ann : bob) : ann;
      long seq = seqs.merge(chat, 1L, Long::sum);
      Message message =
          new Message(MessageId.fresh(), chat, seq, sender, "fill " + n, true, null, IsoTime.now());
      batch.add(MessageStore.toDocument(message));
      if (batch.size() == 1000) {
        collection.insertMany(batch);
        batch.clear();
        if ((n + 1 - start) % 10_000 == 0) {
          System.out.printf("#   filling: %d of %d%n", n + 1, target);
        }
      }
    }
    if (!batch.isEmpty()) {
      collection.insertMany(batch);
    }
    seqs.forEach(
        (chat, seq) ->
            mongo
                .database()
                .getCollection("chats")
                .updateOne(Filters.eq("_id", chat.value()), Updates.max("seq", seq)));
    stored = Math.max(stored, target);
    System.out.printf("# filled to %d messages%n", count());
  }

  private long count() {
    return mongo.database().getCollection("messages").estimatedDocumentCount();
  }

  /** Times each operation; the first call (in a throw-away database) only warms the JIT. */
  private void measure(boolean print) {
    double[] send = time(() -> sendOne(bob, ann));
    double[] page = time(() -> service.history(ann, measured, Optional.empty(), 50));
    double[] list = time(() -> chats.listFor(ann));
    double[] read =
        timeWithSetup(
            () -> List.of(sendOne(bob, ann).id(), sendOne(bob, ann).id()),
            ids -> service.markRead(ann, measured, ids));
    if (!print) {
      return;
    }
    String level = String.valueOf(count());
    print(level, "send", send);
    print(level, "page of 50", page);
    print(level, "chat list", list);
    print(level, "mark read", read);
  }

  /** What one message costs MongoDB end to end: send path plus storage step. */
  private Message sendOne(UserId from, UserId to) {
    service.chatService.otherMember(from, measured);
    Message message =
        new Message(
            MessageId.fresh(),
            measured,
            seqs.merge(measured, 1L, Long::sum),
            from,
            "bench",
            false,
            null,
            IsoTime.now());
    steps.store(List.of(new Addressed(message, to)));
    stored++;
    return message;
  }

  private static double[] time(Supplier<?> operation) {
    return timeWithSetup(() -> null, ignored -> operation.get());
  }

  private static <T> double[] timeWithSetup(
      Supplier<T> setup, java.util.function.Consumer<T> operation) {
    double[] samples = new double[ROUNDS];
    for (int i = 0; i < WARMUP + ROUNDS; i++) {
      T input = setup.get();
      long start = System.nanoTime();
      operation.accept(input);
      long took = System.nanoTime() - start;
      if (i >= WARMUP) {
        samples[i - WARMUP] = took / 1e6;
      }
    }
    Arrays.sort(samples);
    return samples;
  }

  private static void print(String level, String operation, double[] sorted) {
    System.out.printf(
        "%-9s %-12s %9.2f %9.2f%n",
        level,
        operation,
        sorted[(int) (sorted.length * 0.50)],
        sorted[(int) (sorted.length * 0.95)]);
  }
}
