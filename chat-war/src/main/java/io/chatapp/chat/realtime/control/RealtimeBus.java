package io.chatapp.chat.realtime.control;

import static io.chatapp.platform.json.JsonSupport.JSON;

import io.chatapp.chat.chats.control.Contacts;
import io.chatapp.chat.realtime.entity.Frame;
import io.chatapp.chat.users.entity.UserId;
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
import java.io.StringReader;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Carries frames to the sockets of any chat-war instance: each instance publishes on the Redis
 * channel {@code chat:realtime} and delivers what it hears to its own sockets. Real-time frames are
 * not stored; a client that missed some while away catches up through the REST history.
 */
@ApplicationScoped
public class RealtimeBus {

  static final String CHANNEL = "chat:realtime";
  private static final Logger LOG = Logger.getLogger(RealtimeBus.class.getName());

  @Inject RedisConnection redis;
  @Inject LocalSessions sessions;
  @Inject Contacts contacts;
  @Inject Event<DeliveredLocally> delivered;

  /**
   * The channel's reader and the receipts it records: threads of their own, never the shared pool.
   */
  @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
  ThreadFactory threadFactory;

  private ExecutorService receipts;

  private ChannelFollower channel;

  /** A recipient's socket on this instance received a new message. */
  public record DeliveredLocally(
      String messageId, String chatId, UserId recipient, UserId sender, long sentAtMillis) {}

  synchronized void start() {
    if (channel == null) {
      receipts = Executors.newSingleThreadExecutor(threadFactory);
      channel = new ChannelFollower(redis, CHANNEL, () -> {}, this::dispatch);
      channel.start(threadFactory, "chat-realtime-listener");
    }
  }

  @PreDestroy
  void stop() {
    if (receipts != null) {
      receipts.shutdown();
    }
    if (channel != null) {
      channel.stop();
    }
  }

  /** Sends a frame to every socket of these users, wherever they are. */
  public void toUsers(Collection<UserId> users, Frame frame) {
    publish(users, frame, null);
  }

  /** Sends a new message; the instance holding a recipient socket reports it delivered. */
  public void message(Collection<UserId> users, Frame frame, DeliveredLocally receipt) {
    publish(users, frame, receipt);
  }

  /** Tells every instance that these users' contacts changed (a chat of theirs began). */
  public void forgetContacts(Collection<UserId> users) {
    JsonArrayBuilder ids = JSON.createArrayBuilder();
    users.forEach(user -> ids.add(user.value()));
    publishRaw(
        JSON.createObjectBuilder().add("contacts", ids).build().toString(),
        () -> contacts.forget(users));
  }

  private void publish(Collection<UserId> users, Frame frame, DeliveredLocally receipt) {
    JsonArrayBuilder to = JSON.createArrayBuilder();
    users.forEach(user -> to.add(user.value()));
    JsonObjectBuilder message =
        JSON.createObjectBuilder().add("to", to).add("frame", frame.toText());
    if (receipt != null) {
      message.add(
          "receipt",
          JSON.createObjectBuilder()
              .add("messageId", receipt.messageId())
              .add("chatId", receipt.chatId())
              .add("recipient", receipt.recipient().value())
              .add("sender", receipt.sender().value())
              .add("sentAt", receipt.sentAtMillis()));
    }
    String text = message.build().toString();
    publishRaw(text, () -> dispatch(text));
  }

  /** Publishes; with Redis away, at least this instance's sockets still get it. */
  private void publishRaw(String text, Runnable localFallback) {
    try {
      redis.call(jedis -> jedis.publish(CHANNEL, text));
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "Redis unavailable; delivering on this instance only: {0}",
          e.getMessage());
      localFallback.run();
    }
  }

  private void dispatch(String text) {
    try {
      JsonObject message = JSON.createReader(new StringReader(text)).readObject();
      if (message.containsKey("contacts")) {
        contacts.forget(users(message.getJsonArray("contacts")));
        return;
      }
      List<UserId> to = users(message.getJsonArray("to"));
      var reached = sessions.sendTo(to, message.getString("frame"));
      JsonObject receipt = message.getJsonObject("receipt");
      if (receipt != null) {
        UserId recipient = new UserId(receipt.getString("recipient"));
        if (reached.contains(recipient)) {
          // recording it touches MongoDB: keep it off the thread that reads the channel
          delivered.fireAsync(
              new DeliveredLocally(
                  receipt.getString("messageId"),
                  receipt.getString("chatId"),
                  recipient,
                  new UserId(receipt.getString("sender")),
                  receipt.getJsonNumber("sentAt").longValue()),
              NotificationOptions.ofExecutor(receipts));
        }
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Dropping an unreadable real-time message", e);
    }
  }

  private static List<UserId> users(JsonArray ids) {
    return ids.getValuesAs(JsonString.class).stream()
        .map(value -> new UserId(value.getString()))
        .toList();
  }
}
