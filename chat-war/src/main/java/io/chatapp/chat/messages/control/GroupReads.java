package io.chatapp.chat.messages.control;

import io.chatapp.chat.chats.control.ChatMembers;
import io.chatapp.chat.chats.control.GroupStore;
import io.chatapp.chat.chats.entity.Chat;
import io.chatapp.chat.chats.entity.ChatId;
import io.chatapp.chat.common.control.DomainEvents;
import io.chatapp.chat.common.entity.IsoTime;
import io.chatapp.chat.messages.entity.GroupMessagesRead;
import io.chatapp.chat.messages.entity.Message;
import io.chatapp.chat.messages.entity.MessageId;
import io.chatapp.chat.users.entity.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

/**
 * Read state in groups: each member has a read position (a sequence number) on the chat, and
 * marking read moves it, one write whatever the number of messages and members; who read a message
 * ({@code readBy}) and who has it ({@code deliveredTo}) follow from the positions when a page is
 * read. Nothing is written per message per member.
 */
@ApplicationScoped
public class GroupReads {

  @Inject GroupStore groups;
  @Inject MessageStore messages;
  @Inject DomainEvents events;

  public GroupReads() {}

  /** For use outside the container (tests, benchmarks). */
  public GroupReads(GroupStore groups, MessageStore messages, DomainEvents events) {
    this.groups = groups;
    this.messages = messages;
    this.events = events;
  }

  /**
   * The reader has seen these messages (the socket's {@code message:read}): their position moves up
   * to the newest of them, and the members hear which of them (but the reader's own) were read.
   * Returns those.
   */
  public List<MessageId> markRead(
      UserId reader, ChatId chatId, List<MessageId> ids, ChatMembers.Membership members) {
    List<Message> found =
        messages.findAll(ids).stream().filter(m -> m.chatId().equals(chatId)).toList();
    if (found.isEmpty()) {
      return List.of();
    }
    long upTo = found.stream().mapToLong(Message::seq).max().orElseThrow();
    groups.read(chatId, reader, upTo, IsoTime.now());
    List<MessageId> read =
        found.stream().filter(m -> !m.sender().equals(reader)).map(Message::id).toList();
    if (!read.isEmpty()) {
      events.fire(new GroupMessagesRead(chatId, reader, read, members.users()));
    }
    return read;
  }

  /**
   * The reader read this page of the group: their position moves up to its newest message when it
   * is beyond it (one write), and the members hear of the messages newly read. Someone who left
   * moves only their own count.
   */
  public void pageRead(UserId reader, Chat chat, List<Message> page) {
    if (page.isEmpty()) {
      return;
    }
    long before = chat.group().readBy(reader);
    long upTo = page.get(page.size() - 1).seq();
    if (upTo <= before) {
      return;
    }
    groups.read(chat.id(), reader, upTo, IsoTime.now());
    if (!chat.isMember(reader)) {
      return;
    }
    List<MessageId> read =
        page.stream()
            .filter(m -> m.seq() > before && !m.sender().equals(reader))
            .map(Message::id)
            .toList();
    if (!read.isEmpty()) {
      events.fire(new GroupMessagesRead(chat.id(), reader, read, chat.users()));
    }
  }

  /**
   * Group members' sockets got messages up to these numbers (per chat, per member): one write per
   * chat. How late they arrived is for admission control, as in 1:1 chats.
   */
  public void delivered(Map<ChatId, Map<UserId, Long>> upTo) {
    upTo.forEach(groups::delivered);
  }
}
