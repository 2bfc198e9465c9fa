package io.chatapp.chat.realtime.control;

import io.chatapp.chat.chats.control.Contacts;
import io.chatapp.chat.chats.entity.ChatId;
import io.chatapp.chat.common.control.EventOutlet;
import io.chatapp.chat.realtime.entity.DeliveredLocally;
import io.chatapp.chat.realtime.entity.DeliveredToMembers;
import io.chatapp.chat.realtime.entity.Frame;
import io.chatapp.chat.realtime.entity.GroupDelivery;
import io.chatapp.chat.realtime.entity.GroupReceipt;
import io.chatapp.chat.realtime.entity.Receipt;
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
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Carries frames to the sockets of any chat-war instance: each instance hands what is queued to its
 * own sockets at once and publishes it on the Redis channel {@code chat:realtime:2}, and delivers
 * what it hears there from the others to its own sockets. Frames go through an outbox drained by
 * one thread: what was queued while the previous publish was under way goes out as one batch
 * ({@link BusBatch}: a header a line, written by {@link BusHeaders}, with the frame's text as it
 * is), in order, so a burst of frames costs a few publishes rather than one each. A frame for a
 * socket of this instance takes no round trip through Redis, and an instance reads nothing back of
 * what it published. Real-time frames are not stored; a client that missed some while away catches
 * up through the REST history. Orders to the instances travel on the channel too: users' contacts
 * to forget, and a group's members ({@link MembershipOrders}, which waits for every instance to
 * confirm). When the channel stands again after a loss, {@link ChannelResync} has this instance's
 * clients catch up.
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

  private Batcher<BusBatch.Item> outbox;

  synchronized void start() {
    if (channel == null) {
      receipts = Executors.newSingleThreadExecutor(threadFactory);
      publisher = Executors.newSingleThreadExecutor(threadFactory);
      here = Executors.newSingleThreadExecutor(threadFactory);
      outbox = new Batcher<>(publisher, MAX_BATCH, this::publish);
      ChannelResync resync = new ChannelResync(sessions, memberships, threadFactory);
      channel = new ChannelFollower(redis, CHANNEL, resync::subscribed, this::dispatch);
      channel.start(threadFactory, "chat-realtime-listener");
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
    outbox.add(new BusBatch.Item(BusHeaders.toGroup(users, receipt), frame.toText()));
  }

  /** Tells every instance that these users' contacts changed (a chat of theirs began). */
  public void forgetContacts(Collection<UserId> users) {
    outbox.add(BusBatch.Item.order(BusHeaders.forgetContacts(users)));
  }

  private void publish(Collection<UserId> users, Frame frame, Receipt receipt) {
    outbox.add(new BusBatch.Item(BusHeaders.to(users, receipt), frame.toText()));
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
    JsonObject header = item.header();
    Optional<List<UserId>> contactsToForget = BusHeaders.contactsToForget(header);
    if (contactsToForget.isPresent()) {
      contacts.forget(contactsToForget.get());
      return;
    }
    if (BusHeaders.isMembershipOrder(header)) {
      memberships.obey(header);
      return;
    }
    if (item.frame() == null) {
      throw new IllegalArgumentException("A record for sockets without a frame");
    }
    Set<UserId> sockets = sessions.sendTo(BusHeaders.to(header), item.frame());
    BusHeaders.groupReceipt(header)
        .ifPresent(
            receipt ->
                receipt.recipients().stream()
                    .filter(sockets::contains)
                    .forEach(
                        member ->
                            reachedMembers.add(
                                new GroupDelivery(
                                    new ChatId(receipt.chatId()),
                                    member,
                                    receipt.seq(),
                                    receipt.sentAtMillis()))));
    BusHeaders.receipt(header)
        .filter(receipt -> sockets.contains(receipt.recipient()))
        .ifPresent(reached::add);
  }
}
