package io.chatapp.chat.realtime.control;

import static io.chatapp.platform.json.JsonSupport.JSON;

import io.chatapp.chat.chats.control.ChatService;
import io.chatapp.chat.chats.entity.ChatId;
import io.chatapp.chat.messages.control.MessageService;
import io.chatapp.chat.messages.entity.MessageId;
import io.chatapp.chat.realtime.entity.Frame;
import io.chatapp.chat.users.entity.UserId;
import io.chatapp.platform.rest.DependencyUnavailableException;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import jakarta.ws.rs.WebApplicationException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What the WebSocket endpoint does with sockets and their frames. Every frame acts for the user the
 * socket authenticated as, never for a user id inside the frame, and every chat it names is checked
 * for membership.
 */
@ApplicationScoped
public class RealtimeHub {

  private static final Logger LOG = Logger.getLogger(RealtimeHub.class.getName());

  /** Close code telling the client its access token expired: refresh it, then reconnect. */
  public static final int TOKEN_EXPIRED = 4401;

  @Inject LocalSessions sessions;
  @Inject Presence presence;
  @Inject Viewing viewing;
  @Inject Typing typing;
  @Inject RealtimeBus bus;
  @Inject ChatService chats;
  @Inject MessageService messages;

  @Inject
  @ConfigProperty(name = "ws.max-queued-frames", defaultValue = "256")
  int maxQueued;

  @Inject
  @ConfigProperty(name = "ws.ping-seconds", defaultValue = "25")
  int pingSeconds;

  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  ScheduledExecutorService scheduler;

  private final List<ScheduledFuture<?>> tasks = new ArrayList<>();

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    bus.start();
    tasks.add(scheduler.scheduleWithFixedDelay(this::keepPresence, 10, 10, TimeUnit.SECONDS));
    tasks.add(
        scheduler.scheduleWithFixedDelay(
            this::pingAndReap, pingSeconds, pingSeconds, TimeUnit.SECONDS));
  }

  @PreDestroy
  void stop() {
    tasks.forEach(task -> task.cancel(false));
  }

  /** A socket opened for an authenticated user whose token expires at {@code expiry}. */
  public void opened(Session session, UserId user, Instant expiry) {
    Peer peer = sessions.add(session, user, maxQueued);
    long untilExpiry = Math.max(0, expiry.toEpochMilli() - System.currentTimeMillis());
    peer.onClose(
        scheduler.schedule(
            () -> peer.close(new CloseReason(() -> TOKEN_EXPIRED, "Access token expired")),
            untilExpiry,
            TimeUnit.MILLISECONDS));
    try {
      if (presence.connected(user, socketKey(peer))) {
        bus.presenceChanged();
      } else {
        peer.send(bus.onlineUsers().toText());
      }
    } catch (DependencyUnavailableException e) {
      peer.send(Frame.error("Presence is unavailable right now").toText());
    }
  }

  /** A text frame from a socket. */
  public void received(Session session, String text) {
    sessions
        .get(session)
        .ifPresent(
            peer ->
                Frame.parse(text)
                    .ifPresentOrElse(
                        frame -> handle(peer, frame),
                        () ->
                            peer.send(
                                Frame.error("Not a frame: send {\"event\": ..., \"data\": ...}")
                                    .toText())));
  }

  public void ponged(Session session) {
    sessions.get(session).ifPresent(Peer::ponged);
  }

  /** A socket closed (by either side, or broken). */
  public void closed(Session session) {
    sessions
        .remove(session)
        .ifPresent(
            peer -> {
              peer.released();
              typing.peerClosed(peer.id());
              try {
                viewing.notViewing(peer.user(), socketKey(peer));
                if (presence.disconnected(peer.user(), socketKey(peer))) {
                  bus.presenceChanged();
                }
              } catch (DependencyUnavailableException e) {
                LOG.fine("Redis away while a socket closed; presence expires by itself");
              }
            });
  }

  private void handle(Peer peer, Frame frame) {
    try {
      switch (frame.event()) {
        case "join:chat" -> {
          ChatId chat = chatId(frame.data());
          UserId other = chats.otherMember(peer.user(), chat);
          bus.toUsers(
              List.of(peer.user(), other),
              Frame.of("user:joined:room", chatAndUser(chat, peer.user()).build()));
        }
        case "leave:chat" -> chatId(frame.data());
        case "viewing:chat" -> {
          ChatId chat = chatId(frame.data());
          chats.requireMember(peer.user(), chat);
          viewing.viewing(peer.user(), socketKey(peer), chat);
        }
        case "not:viewing:chat" -> viewing.notViewing(peer.user(), socketKey(peer));
        case "typing:start" -> {
          ChatId chat = chatId(field(frame.data(), "chatId"));
          UserId other = chats.otherMember(peer.user(), chat);
          typing.start(
              peer.id(), chat, isTyping -> announceTyping(chat, peer.user(), other, isTyping));
        }
        case "typing:stop" -> {
          ChatId chat = chatId(field(frame.data(), "chatId"));
          chats.requireMember(peer.user(), chat);
          typing.stop(peer.id(), chat);
        }
        case "message:read" -> {
          ChatId chat = chatId(field(frame.data(), "chatId"));
          messages.markRead(peer.user(), chat, messageIds(frame.data()));
        }
        default -> peer.send(Frame.error("Unknown event: " + frame.event()).toText());
      }
    } catch (WebApplicationException e) {
      peer.send(Frame.error(e.getMessage()).toText());
    } catch (DependencyUnavailableException e) {
      peer.send(Frame.error(e.dependency() + " is unavailable; try again shortly").toText());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Handling " + frame.event() + " failed", e);
      peer.send(Frame.error("Could not handle " + frame.event()).toText());
    }
  }

  private void announceTyping(ChatId chat, UserId typist, UserId other, boolean isTyping) {
    try {
      bus.toUsers(
          List.of(other),
          Frame.of("typing:status", chatAndUser(chat, typist).add("isTyping", isTyping).build()));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "A typing announcement was lost", e);
    }
  }

  private void keepPresence() {
    try {
      presence.heartbeat(sessions.all(), bus.instance());
      sessions.all().stream().map(Peer::user).distinct().forEach(viewing::touch);
      if (presence.sweep()) {
        bus.presenceChanged();
      }
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "Presence upkeep skipped: {0}", e.getMessage());
    }
  }

  private void pingAndReap() {
    long deadline = System.currentTimeMillis() - 3L * pingSeconds * 1000;
    for (Peer peer : sessions.all()) {
      if (peer.lastPongAt() < deadline) {
        peer.close(new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "No answer to pings"));
      } else {
        peer.ping();
      }
    }
  }

  private String socketKey(Peer peer) {
    return bus.instance() + ":" + peer.id();
  }

  private static jakarta.json.JsonObjectBuilder chatAndUser(ChatId chat, UserId user) {
    return JSON.createObjectBuilder().add("chatId", chat.value()).add("userId", user.value());
  }

  private static JsonValue field(JsonValue data, String name) {
    if (data == null || data.getValueType() != JsonValue.ValueType.OBJECT) {
      throw new WebApplicationException("Expected an object with " + name, 400);
    }
    JsonValue value = data.asJsonObject().get(name);
    if (value == null) {
      throw new WebApplicationException("Missing " + name, 400);
    }
    return value;
  }

  private static ChatId chatId(JsonValue value) {
    if (value == null || value.getValueType() != JsonValue.ValueType.STRING) {
      throw new WebApplicationException("Expected a chat id", 400);
    }
    return new ChatId(((JsonString) value).getString());
  }

  private static List<MessageId> messageIds(JsonValue data) {
    JsonValue ids = field(data, "messageIds");
    if (ids.getValueType() != JsonValue.ValueType.ARRAY) {
      throw new WebApplicationException("messageIds must be a list", 400);
    }
    return ids.asJsonArray().stream()
        .map(
            id -> {
              if (id.getValueType() != JsonValue.ValueType.STRING) {
                throw new WebApplicationException("messageIds must be strings", 400);
              }
              return new MessageId(((JsonString) id).getString());
            })
        .toList();
  }
}
