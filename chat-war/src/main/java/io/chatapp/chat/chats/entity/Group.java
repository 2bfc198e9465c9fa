package io.chatapp.chat.chats.entity;

import io.chatapp.chat.users.entity.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a group chat has beyond a 1:1 chat: its name, its admins, and per member a read position and
 * a delivered position (sequence numbers, so marking read is one write whatever the number of
 * messages and members), and the members who left or were removed, with the point they can still
 * read up to. Members are kept in the order they joined: the first is the longest-standing.
 */
public record Group(
    GroupName name,
    List<UserId> admins,
    Map<UserId, ReadPosition> read,
    Map<UserId, Long> delivered,
    Map<UserId, Departure> former) {

  /** A group has at most this many members, its creator included. */
  public static final int MAX_MEMBERS = 256;

  /** A group is made with at least this many people besides its creator. */
  public static final int MIN_OTHERS = 2;

  public Group {
    admins = List.copyOf(admins);
    read = Map.copyOf(read);
    delivered = Map.copyOf(delivered);
    former = Map.copyOf(former);
  }

  /** How far a member has read: the sequence number and when they got there. */
  public record ReadPosition(long seq, Instant at) {}

  /**
   * A member who left or was removed: the sequence number of the system message that said so (they
   * read up to it and nothing after), when, and what their chat list keeps showing.
   */
  public record Departure(long seq, Instant at, GroupName name, String text, UserId sender) {}

  public boolean isAdmin(UserId user) {
    return admins.contains(user);
  }

  public Optional<Departure> departureOf(UserId user) {
    return Optional.ofNullable(former.get(user));
  }

  public long readBy(UserId user) {
    ReadPosition position = read.get(user);
    return position == null ? 0 : position.seq();
  }

  /**
   * The admins once {@code leaving} is gone from {@code members} (in joining order): when they were
   * the last admin, the longest-standing remaining member takes over.
   */
  public List<UserId> adminsWithout(UserId leaving, List<UserId> members) {
    List<UserId> remaining = new ArrayList<>(admins);
    remaining.remove(leaving);
    if (remaining.isEmpty()) {
      members.stream().filter(user -> !user.equals(leaving)).findFirst().ifPresent(remaining::add);
    }
    return List.copyOf(remaining);
  }

  /** Who has read a message of {@code sender} numbered {@code seq}, and when they got that far. */
  public List<Receipt> readers(long seq, UserId sender) {
    List<Receipt> readers = new ArrayList<>();
    read.forEach(
        (user, position) -> {
          if (!user.equals(sender) && position.seq() >= seq) {
            readers.add(new Receipt(user, position.at()));
          }
        });
    readers.sort(java.util.Comparator.comparing(Receipt::at).thenComparing(r -> r.user().value()));
    return readers;
  }

  /** Who has a message numbered {@code seq} on a device (delivered or read), but its sender. */
  public List<UserId> receivers(long seq, UserId sender) {
    java.util.Set<UserId> reached =
        new java.util.TreeSet<>(java.util.Comparator.comparing(UserId::value));
    delivered.forEach(
        (user, upTo) -> {
          if (upTo >= seq) {
            reached.add(user);
          }
        });
    read.forEach(
        (user, position) -> {
          if (position.seq() >= seq) {
            reached.add(user);
          }
        });
    reached.remove(sender);
    return List.copyOf(reached);
  }

  /** One member's read of one message. */
  public record Receipt(UserId user, Instant at) {}
}
