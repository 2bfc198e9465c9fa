package io.chatapp.chat.messages.control;

import io.chatapp.chat.chats.control.ChatService;
import io.chatapp.chat.chats.control.ChatStore;
import io.chatapp.chat.common.control.DomainEvents;
import io.chatapp.chat.common.entity.IsoTime;
import io.chatapp.chat.media.control.ImageStore;
import io.chatapp.chat.messages.entity.Caption;
import io.chatapp.chat.messages.entity.EditWindow;
import io.chatapp.chat.messages.entity.Message;
import io.chatapp.chat.messages.entity.MessageDeleted;
import io.chatapp.chat.messages.entity.MessageEdited;
import io.chatapp.chat.messages.entity.MessageId;
import io.chatapp.chat.messages.entity.Reactions;
import io.chatapp.chat.users.entity.UserId;
import io.chatapp.platform.errors.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A sender edits their message (within {@code message.edit-minutes} of sending it) or deletes it
 * for everyone. Each is one read and one update of the message by id, and one write of the chat by
 * id so the chat list follows when it was the latest; then every member hears of it ({@link
 * MessageEdited}, {@link MessageDeleted}). Deleting twice answers as the first time and tells no
 * one again.
 */
@ApplicationScoped
public class MessageEdits {

  @Inject MessageStore messages;
  @Inject MessageChangeStore changes;
  @Inject ChatService chatService;
  @Inject ChatStore chats;
  @Inject ImageStore images;
  @Inject DomainEvents events;

  @Inject
  @ConfigProperty(name = "message.edit-minutes", defaultValue = "15")
  long editMinutes;

  private EditWindow window;

  public MessageEdits() {}

  /** For use outside the container (tests, benchmarks). */
  public MessageEdits(
      MessageStore messages,
      MessageChangeStore changes,
      ChatService chatService,
      ChatStore chats,
      ImageStore images,
      DomainEvents events,
      EditWindow window) {
    this.messages = messages;
    this.changes = changes;
    this.chatService = chatService;
    this.chats = chats;
    this.images = images;
    this.events = events;
    this.window = window;
  }

  /**
   * Replaces the text of the caller's message (an image's caption, which may become empty): 404
   * unknown, 403 not a member, not theirs or too late, 409 deleted, 400 empty text.
   */
  public Message edit(UserId caller, MessageId id, Caption text) {
    Message message = messages.find(id).orElseThrow(() -> noSuchMessage(id));
    List<UserId> members = chatService.members(caller, message.chatId());
    requireSender(caller, message, "edit");
    if (message.deleted()) {
      throw wasDeleted();
    }
    Instant now = IsoTime.now();
    if (!window().allows(message.createdAt(), now)) {
      throw Refusal.forbidden(window().tooLate());
    }
    if (message.image() == null && text.value().isEmpty()) {
      throw Refusal.badRequest("text must not be empty");
    }
    Message edited = changes.edit(id, text.value(), now).orElseThrow(() -> noSuchMessage(id));
    if (edited.deleted()) {
      throw wasDeleted();
    }
    chats.latestChanged(edited.chatId(), edited.seq(), edited.preview(), false, now);
    events.fire(new MessageEdited(edited, members));
    return edited;
  }

  /**
   * Deletes the caller's message for everyone and removes its image from the store: 404 unknown,
   * 403 not a member or not theirs. Returns the message as it stays in the history; a message
   * deleted before is returned as it is, and no one is told again.
   */
  public Message delete(UserId caller, MessageId id) {
    Message message = messages.find(id).orElseThrow(() -> noSuchMessage(id));
    List<UserId> members = chatService.members(caller, message.chatId());
    requireSender(caller, message, "delete");
    if (message.deleted()) {
      return message;
    }
    Instant now = IsoTime.now();
    Message before = changes.delete(id, now).orElseThrow(() -> noSuchMessage(id));
    Message deleted = deletedFrom(before);
    if (before.deleted()) {
      return deleted;
    }
    if (before.image() != null) {
      images.delete(before.image().publicId());
    }
    chats.latestChanged(before.chatId(), before.seq(), "", true, now);
    events.fire(new MessageDeleted(before.chatId(), id, members));
    return deleted;
  }

  private static Message deletedFrom(Message m) {
    return new Message(
        m.id(),
        m.chatId(),
        m.seq(),
        m.sender(),
        "",
        null,
        m.seen(),
        m.seenAt(),
        m.createdAt(),
        m.deliveredAt(),
        m.system(),
        null,
        null,
        true,
        Reactions.NONE);
  }

  private EditWindow window() {
    if (window == null) {
      window = EditWindow.ofMinutes(editMinutes);
    }
    return window;
  }

  /** Only its sender changes a message; a group's record of who changed what stays as written. */
  private static void requireSender(UserId caller, Message message, String action) {
    if (message.system()) {
      throw Refusal.forbidden("You cannot " + action + " a group's system messages");
    }
    if (!message.sender().equals(caller)) {
      throw Refusal.forbidden("You can only " + action + " your own messages");
    }
  }

  static Refusal noSuchMessage(MessageId id) {
    return Refusal.notFound("No message with id " + id);
  }

  static Refusal wasDeleted() {
    return Refusal.conflict("This message was deleted");
  }
}
