package io.chatapp.chat.messages.control;

import io.chatapp.chat.chats.control.ChatService;
import io.chatapp.chat.common.control.DomainEvents;
import io.chatapp.chat.messages.entity.Emoji;
import io.chatapp.chat.messages.entity.Message;
import io.chatapp.chat.messages.entity.MessageId;
import io.chatapp.chat.messages.entity.ReactionsChanged;
import io.chatapp.chat.users.entity.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/**
 * Reactions: any member reacts to any message of the chat with one emoji, sends the same again to
 * take it back, or another to replace it. One read and one update of the message by id (the
 * person's own field), then every member hears of everyone's reactions ({@link ReactionsChanged}).
 */
@ApplicationScoped
public class MessageReactions {

  @Inject MessageStore messages;
  @Inject MessageChangeStore changes;
  @Inject ChatService chatService;
  @Inject DomainEvents events;

  public MessageReactions() {}

  /** For use outside the container (tests, benchmarks). */
  public MessageReactions(
      MessageStore messages,
      MessageChangeStore changes,
      ChatService chatService,
      DomainEvents events) {
    this.messages = messages;
    this.changes = changes;
    this.chatService = chatService;
    this.events = events;
  }

  /**
   * Toggles the caller's reaction: 404 unknown message, 403 not a member, 409 deleted. Returns the
   * message with everyone's reactions as they are now.
   */
  public Message toggle(UserId caller, MessageId id, Emoji emoji) {
    Message message = messages.find(id).orElseThrow(() -> MessageEdits.noSuchMessage(id));
    List<UserId> members = chatService.members(caller, message.chatId());
    if (message.deleted()) {
      throw MessageEdits.wasDeleted();
    }
    Optional<Emoji> mine = message.reactions().toggled(caller, emoji);
    Message changed =
        changes.react(id, caller, mine).orElseThrow(() -> MessageEdits.noSuchMessage(id));
    if (changed.deleted()) {
      throw MessageEdits.wasDeleted();
    }
    events.fire(new ReactionsChanged(changed.chatId(), id, changed.reactions(), members));
    return changed;
  }
}
