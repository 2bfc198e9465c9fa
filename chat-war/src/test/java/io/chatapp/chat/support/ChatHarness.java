package io.chatapp.chat.support;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.chatapp.chat.chats.control.ChatCounts;
import io.chatapp.chat.chats.control.ChatSequence;
import io.chatapp.chat.chats.control.ChatService;
import io.chatapp.chat.chats.control.ChatStore;
import io.chatapp.chat.chats.control.GroupService;
import io.chatapp.chat.chats.control.GroupStore;
import io.chatapp.chat.media.control.LocalImageStore;
import io.chatapp.chat.media.control.MediaFolder;
import io.chatapp.chat.media.control.MediaRecords;
import io.chatapp.chat.messages.broker.BrokerMessagePipeline;
import io.chatapp.chat.messages.broker.PipelineNames;
import io.chatapp.chat.messages.control.Deliveries;
import io.chatapp.chat.messages.control.GroupReads;
import io.chatapp.chat.messages.control.MessageHistory;
import io.chatapp.chat.messages.control.MessageService;
import io.chatapp.chat.messages.control.MessageSteps;
import io.chatapp.chat.messages.control.MessageStore;
import io.chatapp.chat.messages.control.RecentSends;
import io.chatapp.chat.messages.control.SendAdmission;
import io.chatapp.chat.messages.control.SendRate;
import io.chatapp.chat.messages.control.SystemMessages;
import io.chatapp.chat.realtime.control.Viewing;
import io.chatapp.chat.users.control.LastSeen;
import io.chatapp.chat.users.control.UserDirectory;
import io.chatapp.devstack.EmbeddedMongo;
import io.chatapp.platform.amqp.BrokerConnection;
import io.chatapp.platform.amqp.BrokerConsumers;
import io.chatapp.platform.amqp.BrokerPublisher;
import io.chatapp.platform.amqp.WorkQueue;
import io.chatapp.platform.mongo.MongoConnection;
import io.chatapp.platform.redis.RedisConnection;
import io.chatapp.testsupport.Poll;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The chat service's control layer wired by hand outside the container, on the real things: the
 * embedded MongoDB-compatible server, the real RabbitMQ ({@code RABBITMQ_URL}) with exchange and
 * queue names unique to this run (deleted at the end), and a real HTTP stand-in for user-war.
 */
public final class ChatHarness implements AutoCloseable {

  public static final String TOKEN = "test-token";

  public final EmbeddedMongo mongoServer = EmbeddedMongo.startInMemory();
  public final MongoConnection mongo = new MongoConnection(mongoServer.uri(), "chat");
  public final UserServiceStandIn userService;
  public final UserDirectory users;
  public final RecordingEvents events = new RecordingEvents();
  public final ChatStore chatStore = new ChatStore(mongo);
  public final ChatCounts chatCounts = new ChatCounts(mongo);
  public final LastSeen lastSeen = new LastSeen(mongo);
  public final MessageStore messageStore = new MessageStore(mongo);
  public final ChatService chats;
  public final PipelineNames names;
  public final BrokerConnection broker;
  public final BrokerPublisher publisher;
  public final BrokerConsumers consumers;
  public final BrokerMessagePipeline pipeline;
  public final SendAdmission admission;
  public final SendRate sendRate = new SendRate(1000, 1000);
  public final RedisConnection redis = new RedisConnection(redisUrl());
  public final Viewing viewing = new Viewing(redis);
  public final ChatSequence sequence = new ChatSequence(redis, chatStore);
  public final MessageService messages;
  public final MessageHistory history;
  public final MessageSteps steps;
  public final GroupStore groupStore = new GroupStore(mongo, chatStore);
  public final GroupReads groupReads;
  public final Deliveries deliveries;
  public final GroupService groups;
  public final Path mediaDir = Files.createTempDirectory("chat-media-");
  public final MediaFolder mediaFolder = new MediaFolder(mediaDir);
  public final MediaRecords mediaRecords = new MediaRecords(mongo);
  public final LocalImageStore localImages =
      new LocalImageStore(mediaFolder, mediaRecords, "http://chat.test:3002");

  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1);

  public ChatHarness() throws Exception {
    this(brokerUrl());
  }

  /** With the broker at {@code brokerUrl} (a closed port plays "broker down"). */
  public ChatHarness(String brokerUrl) throws Exception {
    userService = new UserServiceStandIn();
    users = new UserDirectory(userService.url(), 30);
    chats = new ChatService(chatStore, users, lastSeen, events);
    names =
        PipelineNames.withPrefix(
            "test-" + UUID.randomUUID(), List.of(Duration.ofMillis(200), Duration.ofMillis(500)));
    broker = new BrokerConnection(brokerUrl, executor, scheduler, Executors.defaultThreadFactory());
    publisher = new BrokerPublisher(broker, 5000);
    consumers = new BrokerConsumers(broker, publisher);
    pipeline = new BrokerMessagePipeline(broker, publisher, consumers, names, 20);
    admission = new SendAdmission(pipeline, 256, 100_000, Duration.ofMinutes(1), scheduler);
    admission.start();
    messages =
        new MessageService(
            chats, sequence, messageStore, pipeline, admission, sendRate, localImages);
    messages.recentSends(new RecentSends(redis, 15));
    groupReads = new GroupReads(groupStore, messageStore, events);
    history = new MessageHistory(chats, chatStore, messageStore, groupReads, events);
    deliveries = new Deliveries(messageStore, groupReads, admission, events);
    steps = new MessageSteps(messageStore, chatCounts, sequence, viewing, events);
    groups =
        new GroupService(
            chatStore,
            groupStore,
            chats,
            sequence,
            users,
            new SystemMessages(pipeline, steps),
            events);
    pipeline.steps(steps);
    chatStore.ensureIndexes();
    messageStore.ensureIndexes();
  }

  /** Connects, declares this run's exchange and queues and starts the consumers. */
  public ChatHarness startPipeline() {
    Poll.until(Duration.ofSeconds(30), "RabbitMQ to accept connections", ChatHarness::brokerUp);
    pipeline.start();
    broker.start();
    return this;
  }

  private static boolean brokerUp() {
    ConnectionFactory factory = new ConnectionFactory();
    try {
      factory.setUri(brokerUrl());
      factory.setConnectionTimeout(2000);
      try (Connection connection = factory.newConnection()) {
        return connection.isOpen();
      }
    } catch (Exception e) {
      return false;
    }
  }

  public static String redisUrl() {
    String url = System.getenv("REDIS_URL");
    return url == null || url.isBlank() ? "redis://localhost:6379" : url;
  }

  public static String brokerUrl() {
    String url = System.getenv("RABBITMQ_URL");
    return url == null || url.isBlank() ? "amqp://guest:guest@localhost:5672" : url;
  }

  @Override
  public void close() throws Exception {
    pipeline.stop();
    broker.stop();
    deleteQueues();
    scheduler.shutdownNow();
    executor.shutdownNow();
    mongo.close();
    redis.close();
    mongoServer.close();
    userService.close();
    try (var files = Files.walk(mediaDir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }

  private void deleteQueues() {
    ConnectionFactory factory = new ConnectionFactory();
    try {
      factory.setUri(brokerUrl());
      factory.setConnectionTimeout(3000);
      try (Connection connection = factory.newConnection();
          Channel channel = connection.createChannel()) {
        List<WorkQueue> queues = new ArrayList<>(names.queues());
        queues.addAll(names.retired().queues());
        for (WorkQueue queue : queues) {
          channel.queueDelete(queue.name());
          channel.queueDelete(queue.deadLetterQueue());
          for (int step = 1; step <= queue.retryDelays().size(); step++) {
            channel.queueDelete(queue.retryQueue(step));
          }
        }
        channel.exchangeDelete(names.accepted());
        channel.exchangeDelete(names.retired().exchange());
      }
    } catch (Exception e) {
      // The broker is not there (a "broker down" test): nothing was declared.
    }
  }

  /** Two users of the stand-in user service and their new chat. */
  public record Pair(
      io.chatapp.chat.users.entity.UserId ann,
      io.chatapp.chat.users.entity.UserId bob,
      io.chatapp.chat.chats.entity.ChatId chat) {}

  /** Two new users with a chat between them. */
  public Pair pair() {
    var ann = userService.add("Ann");
    var bob = userService.add("Bob");
    return new Pair(ann, bob, chats.start(ann, bob, TOKEN).chat().id());
  }
}
