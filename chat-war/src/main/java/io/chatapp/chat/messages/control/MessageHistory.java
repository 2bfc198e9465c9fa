package io.chatapp.chat.messages.control;

import io.chatapp.chat.chats.control.ChatMembers;
import io.chatapp.chat.chats.control.ChatService;
import io.chatapp.chat.chats.control.ChatStore;
import io.chatapp.chat.chats.entity.Chat;
import io.chatapp.chat.chats.entity.ChatId;
import io.chatapp.chat.common.control.DomainEvents;
import io.chatapp.chat.common.entity.IsoTime;
import io.chatapp.chat.messages.entity.Message;
import io.chatapp.chat.messages.entity.MessageId;
import io.chatapp.chat.messages.entity.MessagesRead;
import io.chatapp.chat.users.entity.UserId;
import io.chatapp.platform.errors.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reading a chat: a page of its history, and the read marks that reading makes. A page is one
 * lookup by key, whatever the history's size; the messages it shows the reader for the first time
 * become read, and their sender hears of it ({@link MessagesRead}). A group's read state is kept
 * per member ({@link GroupReads}).
 */
@ApplicationScoped
public class MessageHistory {

  @Inject ChatService chatService;
  @Inject ChatStore chats;
  @Inject MessageStore messages;
  @Inject GroupReads groupReads;
  @Inject Replies replies;
  @Inject DomainEvents events;

  public MessageHistory() {}

  /** For use outside the container (tests, benchmarks). */
  public MessageHistory(
      ChatService chatService,
      ChatStore chats,
      MessageStore messages,
      GroupReads groupReads,
      DomainEvents events) {
    this.chatService = chatService;
    this.chats = chats;
    this.messages = messages;
    this.groupReads = groupReads;
    this.replies = new Replies(messages);
    this.events = events;
  }

  /**
   * One page of a chat's history, oldest first, the other member ({@code null} in a group) and the
   * chat as it was read (a group's read positions give its messages' {@code readBy}).
   */
  public record Page(List<Message> messages, UserId otherUser, Chat chat) {

    public Page(List<Message> messages, UserId otherUser) {
      this(messages, otherUser, null);
    }
  }

  /**
   * The {@code limit} messages before {@code before} (default: the newest), oldest first. The
   * caller's unseen messages on the page become seen, the caller's unread counter is reset, and the
   * sender hears of it ({@link MessagesRead}).
   */
  public Page page(UserId caller, ChatId chatId, Optional<MessageId> before, int limit) {
    Chat chat = chatService.readableChat(caller, chatId);
    long top = chat.visibleTop(caller);
    if (before.isPresent()) {
      Message anchor =
          messages
              .find(before.get())
              .filter(message -> message.chatId().equals(chatId))
              .orElseThrow(
                  () -> Refusal.badRequest("before: no message with that id in this chat"));
      top = Math.min(top, anchor.seq() - 1);
    }
    List<Message> page = messages.page(chatId, top, limit);
    if (chat.isGroup()) {
      groupReads.pageRead(caller, chat, page);
      return new Page(replies.current(page), null, chat);
    }
    UserId other = chat.otherThan(caller);
    List<MessageId> unseen =
        page.stream()
            .filter(message -> message.sender().equals(other) && !message.seen())
            .map(Message::id)
            .toList();
    Instant now = IsoTime.now();
    messages.markSeen(unseen, now);
    if (chat.unreadFor(caller) != 0) {
      chats.resetUnread(chatId, caller);
    }
    if (!unseen.isEmpty()) {
      events.fire(new MessagesRead(chatId, caller, other, unseen));
      Set<MessageId> marked = new HashSet<>(unseen);
      page =
          page.stream()
              .map(message -> marked.contains(message.id()) ? message.withSeen(now) : message)
              .toList();
    }
    return new Page(replies.current(page), other, chat);
  }

  /**
   * The reader has seen these messages (the WebSocket's {@code message:read}, or a notice while
   * viewing the chat): marks those of the other member seen, resets the reader's unread counter,
   * tells the sender. Returns the ids that changed.
   */
  public List<MessageId> markRead(UserId reader, ChatId chatId, List<MessageId> ids) {
    ChatMembers.Membership members = chatService.membership(reader, chatId);
    if (ids.size() > 100) {
      throw Refusal.badRequest("At most 100 message ids at a time");
    }
    if (members.group()) {
      return groupReads.markRead(reader, chatId, ids, members);
    }
    UserId other = members.others(reader).get(0);
    List<MessageId> changed =
        messages.findAll(ids).stream()
            .filter(m -> m.chatId().equals(chatId) && m.sender().equals(other) && !m.seen())
            .map(Message::id)
            .toList();
    messages.markSeen(changed, IsoTime.now());
    chats.resetUnread(chatId, reader);
    if (!changed.isEmpty()) {
      events.fire(new MessagesRead(chatId, reader, other, changed));
    }
    return changed;
  }
}
