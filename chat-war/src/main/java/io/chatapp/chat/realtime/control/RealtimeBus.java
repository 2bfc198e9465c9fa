package io.chatapp.chat.realtime.control;

import static io.chatapp.platform.json.JsonSupport.JSON;

import io.chatapp.chat.chats.control.Contacts;
import io.chatapp.chat.chats.entity.ChatId;
import io.chatapp.chat.common.control.EventOutlet;
import io.chatapp.chat.realtime.entity.Frame;
import io.chatapp.chat.users.entity.UserId;
import io.chatapp.platform.concurrent.Batcher;
import io.chatapp.platform.redis.ChannelFollower;
import io.chatapp.platform.redis.RedisConnection;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.websocket.CloseReason;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Carries frames to the sockets of any chat-war instance: each instance hands what is queued to its
 * own sockets at once and publishes it on the Redis channel {@code chat:realtime:2}, and delivers
 * what it hears there from the others to its own sockets. Frames go through an outbox drained by
 * one thread: what was queued while the previous publish was under way goes out as one batch
 * ({@link BusBatch}: a header a line, with the frame's text as it is), in order, so a burst of
 * frames costs a few publishes rather than one each. A frame for a socket of this instance takes no
 * round trip through Redis, and an instance reads nothing back of what it published. Real-time
 * frames are not stored; a client that missed some while away catches up through the REST history.
 * Orders to the instances travel on the channel too: users' contacts to forget, and a group's
 * members ({@link MembershipOrders}, which waits for every instance to confirm).
 */
@ApplicationScoped
public class RealtimeBus implements EventOutlet {

  /** The channel, named with its format ({@link BusBatch}); builds before it used another. */
  static final String CHANNEL = "chat:realtime:2";

  private static final Logger LOG = Logger.getLogger(RealtimeBus.class.getName());

  @Inject RedisConnection redis;
  @Inject LocalSessions sessions;
  @Inject Contacts contacts;
  @Inject MembershipOrders memberships;
  @Inject Event<DeliveredLocally> delivered;
  @Inject Event<DeliveredToMembers> deliveredToMembers;

  /**
   * The channel's reader and the receipts it records: threads of their own, never the shared pool.
   */
  @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
  ThreadFactory threadFactory;

  /** Frames published at most in one batch. */
  private static final int MAX_BATCH = 500;

  private ExecutorService receipts;
  private ExecutorService publisher;

  /**
   * Hands the outbox's batches to this instance's sockets, in order, while the publisher publishes
   * the next: on the publisher's thread, the sockets' writes held up the publishes, and with them
   * the pipeline's acks (at 2,000 msg/s the pipeline fell behind and refused sends).
   */
  private ExecutorService here;

  /** This instance, as the origin of what it publishes. */
  private final String origin = UUID.randomUUID().toString();

  private ChannelFollower channel;
  private final AtomicBoolean subscribedBefore = new AtomicBoolean();

  /** Sockets closed at once when the channel is back after a loss; then a pause of 0.1 s. */
  private static final int CLOSES_AT_ONCE = 500;

  private static final CloseReason MISSED_FRAMES =
      new CloseReason(
          CloseReason.CloseCodes.SERVICE_RESTART,
          "Missed real-time events: reconnect and catch up");

  private Batcher<BusBatch.Item> outbox;

  /**
   * A new message, sent at {@code sentAtMillis}, whose arrival at its recipient's socket is
   * reported: how late it is, and that it was delivered unless it was {@code read} already.
   */
  public record Receipt(
      String messageId,
      String chatId,
      UserId recipient,
      UserId sender,
      long sentAtMillis,
      boolean read) {}

  /** Recipients' sockets on this instance received these new messages. */
  public record DeliveredLocally(List<Receipt> receipts) {}

  /**
   * A new group message numbered {@code seq}, sent at {@code sentAtMillis} to {@code recipients}:
   * the instance holding a recipient's socket moves that member's delivered position.
   */
  public record GroupReceipt(String chatId, long seq, List<UserId> recipients, long sentAtMillis) {

    public GroupReceipt {
      recipients = List.copyOf(recipients);
    }
  }

  /** A group member's socket on this instance received the group's message number {@code seq}. */
  public record GroupDelivery(ChatId chatId, UserId member, long seq, long sentAtMillis) {}

  /** Group members' sockets on this instance received these new messages. */
  public record DeliveredToMembers(List<GroupDelivery> deliveries) {}

  synchronized void start() {
    if (channel == null) {
      receipts = Executors.newSingleThreadExecutor(threadFactory);
      publisher = Executors.newSingleThreadExecutor(threadFactory);
      here = Executors.newSingleThreadExecutor(threadFactory);
      outbox = new Batcher<>(publisher, MAX_BATCH, this::publish);
      channel = new ChannelFollower(redis, CHANNEL, this::subscribed, this::dispatch);
      channel.start(threadFactory, "chat-realtime-listener");
    }
  }

  /**
   * The channel (again) stands. When it is back after a loss, frames that other instances published
   * meanwhile never reached this instance's sockets: each is closed with 1012 (service restart), so
   * its client reconnects and catches up through the history, as after any drop. The closes are
   * spread over a few seconds, so that the reconnects do not all land at once.
   */
  private void subscribed() {
    if (!subscribedBefore.compareAndSet(false, true)) {
      memberships.missedSome();
      List<Peer> peers = new ArrayList<>(sessions.all());
      LOG.log(
          Level.WARNING,
          "The Redis channel is back after a loss: closing {0} sockets so their clients catch up",
          peers.size());
      Thread closer =
          threadFactory.newThread(
              () -> {
                for (int i = 0; i < peers.size(); i++) {
                  peers.get(i).close(MISSED_FRAMES);
                  if (i % CLOSES_AT_ONCE == CLOSES_AT_ONCE - 1) {
                    pause(Duration.ofMillis(100));
                  }
                }
              });
      closer.setName("chat-realtime-resync");
      closer.start();
    }
  }

  private static void pause(Duration pause) {
    try {
      Thread.sleep(pause.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @PreDestroy
  void stop() {
    if (receipts != null) {
      receipts.shutdown();
      publisher.shutdown();
      here.shutdown();
    }
    if (channel != null) {
      channel.stop();
    }
  }

  /**
   * Completes once every frame queued so far is published (and queued for this instance's sockets):
   * the pipeline acks a stored batch only then, so an instance killed with frames in its outbox has
   * the batch handed on again elsewhere instead of losing them.
   */
  @Override
  public CompletableFuture<Void> sent() {
    Batcher<BusBatch.Item> queued = outbox;
    return queued == null ? CompletableFuture.completedFuture(null) : queued.flushed();
  }

  /** Sends a frame to every socket of these users, wherever they are. */
  public void toUsers(Collection<UserId> users, Frame frame) {
    publish(users, frame, null);
  }

  /** Sends a new message; the instance holding a recipient socket reports it delivered. */
  public void message(Collection<UserId> users, Frame frame, Receipt receipt) {
    publish(users, frame, receipt);
  }

  /** Sends a new group message; the instances holding members' sockets report it delivered. */
  public void groupMessage(Collection<UserId> users, Frame frame, GroupReceipt receipt) {
    JsonArrayBuilder to = JSON.createArrayBuilder();
    users.forEach(user -> to.add(user.value()));
    JsonArrayBuilder recipients = JSON.createArrayBuilder();
    receipt.recipients().forEach(user -> recipients.add(user.value()));
    JsonObject header =
        JSON.createObjectBuilder()
            .add("to", to)
            .add(
                "groupReceipt",
                JSON.createObjectBuilder()
                    .add("chatId", receipt.chatId())
                    .add("seq", receipt.seq())
                    .add("recipients", recipients)
                    .add("sentAt", receipt.sentAtMillis()))
            .build();
    outbox.add(new BusBatch.Item(header, frame.toText()));
  }

  /** Tells every instance that these users' contacts changed (a chat of theirs began). */
  public void forgetContacts(Collection<UserId> users) {
    JsonArrayBuilder ids = JSON.createArrayBuilder();
    users.forEach(user -> ids.add(user.value()));
    outbox.add(BusBatch.Item.order(JSON.createObjectBuilder().add("contacts", ids).build()));
  }

  private void publish(Collection<UserId> users, Frame frame, Receipt receipt) {
    JsonArrayBuilder to = JSON.createArrayBuilder();
    users.forEach(user -> to.add(user.value()));
    JsonObjectBuilder header = JSON.createObjectBuilder().add("to", to);
    if (receipt != null) {
      header.add(
          "receipt",
          JSON.createObjectBuilder()
              .add("messageId", receipt.messageId())
              .add("chatId", receipt.chatId())
              .add("recipient", receipt.recipient().value())
              .add("sender", receipt.sender().value())
              .add("sentAt", receipt.sentAtMillis())
              .add("read", receipt.read()));
    }
    outbox.add(new BusBatch.Item(header.build(), frame.toText()));
  }

  /**
   * Hands a batch of what was queued to this instance's sockets (on a thread of their own) and
   * publishes it for the others; with Redis away, only this instance's sockets get it.
   */
  private void publish(List<BusBatch.Item> batch) {
    here.execute(
        () -> {
          try {
            dispatch(batch);
          } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not hand real-time frames to this instance's sockets", e);
          }
        });
    String text = new BusBatch(origin, batch).toText();
    try {
      redis.call(jedis -> jedis.publish(CHANNEL, text));
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "Redis unavailable; frames reached this instance's sockets only: {0}",
          e.getMessage());
    }
  }

  /** A batch heard on the channel: this instance's own were handed to its sockets already. */
  private void dispatch(String text) {
    if (BusBatch.publishedBy(origin, text)) {
      return;
    }
    try {
      dispatch(BusBatch.parse(text).items());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Dropping an unreadable real-time message", e);
    }
  }

  /** Hands a batch to this instance's sockets, and records which new messages reached them. */
  private void dispatch(List<BusBatch.Item> batch) {
    List<Receipt> reached = new ArrayList<>();
    List<GroupDelivery> reachedMembers = new ArrayList<>();
    batch.forEach(item -> dispatch(item, reached, reachedMembers));
    if (!reached.isEmpty()) {
      // recording them touches MongoDB: keep it off the threads that hand out frames
      delivered.fireAsync(new DeliveredLocally(reached), NotificationOptions.ofExecutor(receipts));
    }
    if (!reachedMembers.isEmpty()) {
      deliveredToMembers.fireAsync(
          new DeliveredToMembers(reachedMembers), NotificationOptions.ofExecutor(receipts));
    }
  }

  private void dispatch(
      BusBatch.Item item, List<Receipt> reached, List<GroupDelivery> reachedMembers) {
    JsonObject message = item.header();
    if (message.containsKey("contacts")) {
      contacts.forget(users(message.getJsonArray("contacts")));
      return;
    }
    if (message.containsKey("members")) {
      memberships.obey(message);
      return;
    }
    List<UserId> to = users(message.getJsonArray("to"));
    if (item.frame() == null) {
      throw new IllegalArgumentException("A record for sockets without a frame");
    }
    var sockets = sessions.sendTo(to, item.frame());
    JsonObject groupReceipt = message.getJsonObject("groupReceipt");
    if (groupReceipt != null) {
      ChatId chat = new ChatId(groupReceipt.getString("chatId"));
      long seq = groupReceipt.getJsonNumber("seq").longValue();
      long sentAt = groupReceipt.getJsonNumber("sentAt").longValue();
      for (UserId member : users(groupReceipt.getJsonArray("recipients"))) {
        if (sockets.contains(member)) {
          reachedMembers.add(new GroupDelivery(chat, member, seq, sentAt));
        }
      }
    }
    JsonObject receipt = message.getJsonObject("receipt");
    if (receipt != null) {
      UserId recipient = new UserId(receipt.getString("recipient"));
      if (sockets.contains(recipient)) {
        reached.add(
            new Receipt(
                receipt.getString("messageId"),
                receipt.getString("chatId"),
                recipient,
                new UserId(receipt.getString("sender")),
                receipt.getJsonNumber("sentAt").longValue(),
                receipt.getBoolean("read", false)));
      }
    }
  }

  private static List<UserId> users(JsonArray ids) {
    return ids.getValuesAs(JsonString.class).stream()
        .map(value -> new UserId(value.getString()))
        .toList();
  }
}
