package io.chatapp.chat.realtime.control;

import static io.chatapp.platform.json.JsonSupport.JSON;

import io.chatapp.chat.chats.control.ChatService;
import io.chatapp.chat.chats.entity.ChatId;
import io.chatapp.chat.messages.control.MessageHistory;
import io.chatapp.chat.messages.entity.MessageId;
import io.chatapp.chat.realtime.entity.Frame;
import io.chatapp.chat.users.entity.UserId;
import io.chatapp.platform.errors.DependencyUnavailableException;
import io.chatapp.platform.errors.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What each frame a client sends does: {@code join:chat}, {@code leave:chat}, {@code viewing:chat},
 * {@code not:viewing:chat}, {@code typing:start}, {@code typing:stop} and {@code message:read}, run
 * by {@link RealtimeHub} on its frame threads, in order per socket. Every frame acts for the user
 * the socket authenticated as, never for a user id inside the frame, and every chat it names is
 * checked for membership. A frame that is malformed, names a chat of others or cannot be handled
 * now is answered with an {@code error} frame to its socket alone.
 */
@ApplicationScoped
public class ClientFrames {

  private static final Logger LOG = Logger.getLogger(ClientFrames.class.getName());

  @Inject ChatService chats;
  @Inject MessageHistory history;
  @Inject Presence presence;
  @Inject Viewing viewing;
  @Inject Typing typing;
  @Inject RealtimeBus bus;
  @Inject Announcements announcements;

  /** Handles the text of a frame from the peer's socket; nothing for a refused socket. */
  void handle(Peer peer, String text) {
    if (peer.wasRefused()) {
      return;
    }
    Frame.parse(text)
        .ifPresentOrElse(
            frame -> handle(peer, frame),
            () ->
                peer.send(
                    Frame.error("Not a frame: send {\"event\": ..., \"data\": ...}").toText()));
  }

  private void handle(Peer peer, Frame frame) {
    try {
      switch (frame.event()) {
        case "join:chat" -> {
          ChatId chat = chatId(frame.data());
          List<UserId> members = chats.membership(peer.user(), chat).users();
          if (peer.join(chat) && announcements.mayAnnounce(peer.user())) {
            bus.toUsers(
                members, Frame.of("user:joined:room", chatAndUser(chat, peer.user()).build()));
          }
        }
        case "leave:chat" -> peer.leave(chatId(frame.data()));
        case "viewing:chat" -> {
          ChatId chat = chatId(frame.data());
          chats.requireMember(peer.user(), chat);
          if (peer.view(chat)) {
            viewing.viewing(peer.user(), presence.socketKey(peer), chat);
          }
        }
        case "not:viewing:chat" -> {
          if (peer.stopViewing()) {
            viewing.notViewing(peer.user(), presence.socketKey(peer));
          }
        }
        case "typing:start" -> {
          ChatId chat = chatId(field(frame.data(), "chatId"));
          List<UserId> others = chats.membership(peer.user(), chat).others(peer.user());
          // a start that would be announced takes the user's announcement budget; past it the
          // indicator does not start, so no end of it is announced either
          if (typing.isTyping(peer.id(), chat) || announcements.mayAnnounce(peer.user())) {
            typing.start(
                peer.id(), chat, isTyping -> announceTyping(chat, peer.user(), others, isTyping));
          }
        }
        case "typing:stop" -> {
          ChatId chat = chatId(field(frame.data(), "chatId"));
          chats.requireMember(peer.user(), chat);
          typing.stop(peer.id(), chat);
        }
        case "message:read" -> {
          ChatId chat = chatId(field(frame.data(), "chatId"));
          history.markRead(peer.user(), chat, messageIds(frame.data()));
        }
        default -> peer.send(Frame.error("Unknown event: " + frame.event()).toText());
      }
    } catch (Refusal e) {
      peer.send(Frame.error(e.getMessage()).toText());
    } catch (DependencyUnavailableException e) {
      if (frame.event().contains("viewing")) {
        presence.missedChange();
      }
      peer.send(Frame.error(e.dependency() + " is unavailable; try again shortly").toText());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Handling " + frame.event() + " failed", e);
      peer.send(Frame.error("Could not handle " + frame.event()).toText());
    }
  }

  /** {@code typing:status {chatId, userId, isTyping}} to the other members (all of a group). */
  private void announceTyping(ChatId chat, UserId typist, List<UserId> others, boolean isTyping) {
    try {
      bus.toUsers(
          others,
          Frame.of("typing:status", chatAndUser(chat, typist).add("isTyping", isTyping).build()));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "A typing announcement was lost", e);
    }
  }

  private static jakarta.json.JsonObjectBuilder chatAndUser(ChatId chat, UserId user) {
    return JSON.createObjectBuilder().add("chatId", chat.value()).add("userId", user.value());
  }

  private static JsonValue field(JsonValue data, String name) {
    if (data == null || data.getValueType() != JsonValue.ValueType.OBJECT) {
      throw Refusal.badRequest("Expected an object with " + name);
    }
    JsonValue value = data.asJsonObject().get(name);
    if (value == null) {
      throw Refusal.badRequest("Missing " + name);
    }
    return value;
  }

  private static ChatId chatId(JsonValue value) {
    if (value == null || value.getValueType() != JsonValue.ValueType.STRING) {
      throw Refusal.badRequest("Expected a chat id");
    }
    return Refusal.ifInvalid(() -> new ChatId(((JsonString) value).getString()));
  }

  private static List<MessageId> messageIds(JsonValue data) {
    JsonValue ids = field(data, "messageIds");
    if (ids.getValueType() != JsonValue.ValueType.ARRAY) {
      throw Refusal.badRequest("messageIds must be a list");
    }
    return ids.asJsonArray().stream()
        .map(
            id -> {
              if (id.getValueType() != JsonValue.ValueType.STRING) {
                throw Refusal.badRequest("messageIds must be strings");
              }
              return Refusal.ifInvalid(() -> new MessageId(((JsonString) id).getString()));
            })
        .toList();
  }
}
