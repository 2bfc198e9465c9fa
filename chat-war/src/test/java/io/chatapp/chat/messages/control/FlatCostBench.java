package io.chatapp.chat.messages.control;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.chatapp.chat.chats.boundary.ChatJson;
import io.chatapp.chat.chats.control.ChatCounts;
import io.chatapp.chat.chats.control.ChatService;
import io.chatapp.chat.chats.control.ChatStore;
import io.chatapp.chat.chats.control.GroupStore;
import io.chatapp.chat.chats.entity.ChatId;
import io.chatapp.chat.chats.entity.GroupName;
import io.chatapp.chat.common.control.DomainEvents;
import io.chatapp.chat.common.entity.IsoTime;
import io.chatapp.chat.messages.boundary.GroupPageJson;
import io.chatapp.chat.messages.entity.Addressed;
import io.chatapp.chat.messages.entity.Message;
import io.chatapp.chat.messages.entity.MessageId;
import io.chatapp.chat.realtime.control.Viewing;
import io.chatapp.chat.users.control.LastSeen;
import io.chatapp.chat.users.control.UserDirectory;
import io.chatapp.chat.users.entity.UserId;
import io.chatapp.devstack.EmbeddedMongo;
import io.chatapp.platform.mongo.MongoConnection;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
 * A tenth of the fill goes into the measured 1:1 chat itself (so its own history grows too), a
 * tenth into a group of 50 (its caller and 49 others, every member with a read and a delivered
 * position), the rest into 200 other chats. "send" is the MongoDB work of one message: membership,
 * the storage consumer's insert and the chat's counters (the sequence number comes from Redis and
 * the broker is measured elsewhere). In the group, the page is the page as the client gets it,
 * {@code readBy} and {@code deliveredTo} derived from the members' positions, and the chat list is
 * that of a member of the group and of 20 1:1 chats, with their unseen counts; members' profiles
 * come from user-war, measured elsewhere, and are taken as known here.
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
  private final MessageHistory history;
  private final MessageSteps steps;
  private final UserDirectory users = profilesKnown();
  private final UserId ann = fresh();
  private final UserId bob = fresh();
  private final ChatId measured;

  /** The group's members, its caller (cy) first, and the group. */
  private final List<UserId> members = new ArrayList<>();

  private final ChatId group;
  private final GroupStore groups;
  private final List<ChatId> background = new ArrayList<>();
  private final Map<ChatId, Long> seqs = new HashMap<>();
  private long stored;

  private FlatCostBench(MongoConnection mongo) {
    this.mongo = mongo;
    this.chats = new ChatStore(mongo);
    this.messages = new MessageStore(mongo);
    this.groups = new GroupStore(mongo, chats);
    DomainEvents events = handedOn();
    ChatService chatService = new ChatService(chats, users, new LastSeen(mongo), events);
    this.history =
        new MessageHistory(
            chatService, chats, messages, new GroupReads(groups, messages, events), events);
    this.steps = new MessageSteps(messages, new ChatCounts(mongo), null, nobodyLooking(), events);
    chats.ensureIndexes();
    messages.ensureIndexes();
    measured = chats.findOrCreate(ann, bob).chat().id();
    for (int i = 0; i < 19; i++) {
      chats.findOrCreate(ann, fresh());
    }
    for (int i = 0; i < 50; i++) {
      members.add(fresh());
    }
    group =
        groups
            .create(
                ChatId.fresh(),
                new GroupName("Flat cost"),
                members.get(0),
                members.subList(1, members.size()))
            .id();
    for (int i = 0; i < 20; i++) {
      chats.findOrCreate(members.get(0), fresh());
    }
    for (int i = 0; i < 200; i++) {
      background.add(chats.findOrCreate(fresh(), fresh()).chat().id());
    }
  }

  private static UserId fresh() {
    return new UserId(ObjectId.get().toHexString());
  }

  /** The events go to the sockets, measured elsewhere: here they go nowhere. */
  private static DomainEvents handedOn() {
    return new DomainEvents() {
      @Override
      public void fire(Object event) {}
    };
  }

  /** Profiles come from user-war (and its cache here), measured elsewhere: here all are known. */
  private static UserDirectory profilesKnown() {
    return new UserDirectory("http://127.0.0.1:1", 30) {
      @Override
      public Map<UserId, JsonObject> profiles(Collection<UserId> ids, String token) {
        Map<UserId, JsonObject> found = new LinkedHashMap<>();
        ids.forEach(id -> found.put(id, UserDirectory.unknown(id)));
        return found;
      }
    };
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
      System.out.printf(
          "%-9s %-12s %12s %12s %12s %12s%n",
          "stored", "operation", "1:1 p50 ms", "1:1 p95 ms", "group p50 ms", "group p95 ms");
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
    seqs.put(group, chats.find(group).orElseThrow().seq());
    long start = stored;
    for (long n = start; n < target; n++) {
      ChatId chat =
          switch ((int) (n % 10)) {
            case 0 -> measured;
            case 5 -> group;
            default -> background.get((int) (n % background.size()));
          };
      UserId sender =
          chat.equals(measured)
              ? (n % 20 == 0 ? ann : bob)
              : chat.equals(group) ? members.get((int) (n / 10 % members.size())) : ann;
      long seq = seqs.merge(chat, 1L, Long::sum);
      // group messages are never marked seen: their readers follow from the read positions
      boolean seen = !chat.equals(group);
      Message message =
          new Message(MessageId.fresh(), chat, seq, sender, "fill " + n, seen, null, IsoTime.now());
      batch.add(MessageDocuments.toDocument(message));
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

  /**
   * Spreads the members' read and delivered positions over the group's latest messages (member i
   * has read up to i messages before the newest and has all but i/2 of them), so that the messages
   * of a page have readers, each message a different list of them, at every level.
   */
  private void placeMembers() {
    long top = seqs.get(group);
    Instant now = IsoTime.now();
    Map<UserId, Long> delivered = new HashMap<>();
    for (int i = 0; i < members.size(); i++) {
      groups.read(group, members.get(i), Math.max(0, top - i), now);
      delivered.put(members.get(i), Math.max(0, top - i / 2));
    }
    groups.delivered(group, delivered);
  }

  private long count() {
    return mongo.database().getCollection("messages").estimatedDocumentCount();
  }

  /** Times each operation; the first call (in a throw-away database) only warms the JIT. */
  private void measure(boolean print) {
    double[] send = time(() -> sendOne(bob, ann));
    double[] page = time(() -> history.page(ann, measured, Optional.empty(), 50));
    double[] list = time(() -> chats.listFor(ann));
    double[] read =
        timeWithSetup(
            () -> List.of(sendOne(bob, ann).id(), sendOne(bob, ann).id()),
            ids -> history.markRead(ann, measured, ids));
    UserId cy = members.get(0);
    UserId dan = members.get(1);
    UserId eve = members.get(2);
    double[] groupSend = time(() -> sendToGroup(dan));
    placeMembers();
    if (print) {
      JsonObject sample =
          GroupPageJson.of(history.page(cy, group, Optional.empty(), 50), cy, users);
      System.out.printf(
          "# group page: %d messages, %d in readBy, %d in deliveredTo%n",
          sample.getJsonArray("messages").size(),
          entries(sample, "readBy"),
          entries(sample, "deliveredTo"));
    }
    double[] groupPage =
        time(() -> GroupPageJson.of(history.page(cy, group, Optional.empty(), 50), cy, users));
    double[] groupList =
        time(() -> chats.listFor(cy).stream().map(chat -> ChatJson.of(chat, cy)).toList());
    double[] groupRead =
        timeWithSetup(
            () -> List.of(sendToGroup(dan).id(), sendToGroup(eve).id()),
            ids -> history.markRead(cy, group, ids));
    if (!print) {
      return;
    }
    String level = String.valueOf(count());
    print(level, "send", send, groupSend);
    print(level, "page of 50", page, groupPage);
    print(level, "chat list", list, groupList);
    print(level, "mark read", read, groupRead);
  }

  /** What one message costs MongoDB end to end: send path plus storage step. */
  private Message sendOne(UserId from, UserId to) {
    history.chatService.otherMember(from, measured);
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

  private static int entries(JsonObject page, String field) {
    return page.getJsonArray("messages").stream()
        .mapToInt(message -> message.asJsonObject().getJsonArray(field).size())
        .sum();
  }

  /** What one group message costs MongoDB: membership, then the storage step for 49 recipients. */
  private Message sendToGroup(UserId from) {
    List<UserId> to = history.chatService.membership(from, group).others(from);
    Message message =
        new Message(
            MessageId.fresh(),
            group,
            seqs.merge(group, 1L, Long::sum),
            from,
            "bench",
            false,
            null,
            IsoTime.now());
    steps.store(List.of(Addressed.toGroup(message, to)));
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

  private static void print(String level, String operation, double[] oneToOne, double[] group) {
    System.out.printf(
        "%-9s %-12s %12.2f %12.2f %12.2f %12.2f%n",
        level, operation, p(oneToOne, 0.50), p(oneToOne, 0.95), p(group, 0.50), p(group, 0.95));
  }

  private static double p(double[] sorted, double quantile) {
    return sorted[(int) (sorted.length * quantile)];
  }
}
