package io.chatapp.chat.chats.entity;

import io.chatapp.chat.users.entity.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A chat as stored: its members, the latest message and each member's unread counter kept on it (so
 * the chat list never reads messages), and {@code seq}, the highest sequence number of its stored
 * messages (numbers are given by {@link io.chatapp.chat.chats.control.ChatSequence}). A 1:1 chat
 * has two members and no {@code group}; a group chat has its {@link Group} part, and its members'
 * unread counts follow from their read positions instead of counters.
 */
public record Chat(
    ChatId id,
    List<UserId> users,
    LatestMessage latestMessage,
    Map<UserId, Integer> unread,
    long seq,
    Instant createdAt,
    Instant updatedAt,
    Group group) {

  public Chat {
    users = List.copyOf(users);
    unread = Map.copyOf(unread);
  }

  /** A 1:1 chat. */
  public Chat(
      ChatId id,
      List<UserId> users,
      LatestMessage latestMessage,
      Map<UserId, Integer> unread,
      long seq,
      Instant createdAt,
      Instant updatedAt) {
    this(id, users, latestMessage, unread, seq, createdAt, updatedAt, null);
  }

  public boolean isGroup() {
    return group != null;
  }

  /** A member now, or (in a group) someone who left or was removed: they read up to then. */
  public boolean canRead(UserId user) {
    return isMember(user) || (isGroup() && group.former().containsKey(user));
  }

  /** The highest sequence number {@code user} may read: all, or up to when they left. */
  public long visibleTop(UserId user) {
    if (isGroup() && !isMember(user)) {
      return group.departureOf(user).map(Group.Departure::seq).orElse(0L);
    }
    return seq;
  }

  /** When the chat last changed as {@code viewer} sees it (for ordering their chat list). */
  public Instant activityFor(UserId viewer) {
    if (isGroup() && !isMember(viewer)) {
      return group.departureOf(viewer).map(Group.Departure::at).orElse(updatedAt);
    }
    return updatedAt;
  }

  /**
   * What the chat list shows of the newest message: its text (as edited), or, once it was deleted,
   * an empty text and {@code deleted} (the UI says "This message was deleted"); and its {@code
   * messageType}, so a system message ("Ann added Bob") is shown without a sender's name.
   */
  public record LatestMessage(String text, UserId sender, boolean deleted, String messageType) {

    public LatestMessage(String text, UserId sender, boolean deleted) {
      this(text, sender, deleted, "text");
    }

    public LatestMessage(String text, UserId sender) {
      this(text, sender, false);
    }
  }

  public boolean isMember(UserId user) {
    return users.contains(user);
  }

  /** The member who is not {@code user}. */
  public UserId otherThan(UserId user) {
    return users.get(0).equals(user) ? users.get(1) : users.get(0);
  }

  public int unreadFor(UserId user) {
    if (isGroup()) {
      return (int) Math.max(0, Math.min(Integer.MAX_VALUE, visibleTop(user) - group.readBy(user)));
    }
    return unread.getOrDefault(user, 0);
  }
}
