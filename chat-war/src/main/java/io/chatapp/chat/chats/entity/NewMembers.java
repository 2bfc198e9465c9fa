package io.chatapp.chat.chats.entity;

import io.chatapp.chat.users.entity.UserId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The people a group is made with, or who are added to one: no one twice, never the one who adds
 * them, and within the size a group may have ({@link Group#MAX_MEMBERS} with its creator).
 */
public record NewMembers(List<UserId> users) {

  public NewMembers {
    users = List.copyOf(users);
    if (users.isEmpty()) {
      throw new IllegalArgumentException("userIds must name at least one user");
    }
    Set<UserId> seen = new HashSet<>();
    for (UserId user : users) {
      if (!seen.add(user)) {
        throw new IllegalArgumentException("userIds names " + user + " twice");
      }
    }
  }

  /** The other members of a new group: 2 to 255 people besides {@code creator}. */
  public static NewMembers forGroup(UserId creator, List<UserId> users) {
    NewMembers members = new NewMembers(users);
    members.without(creator);
    int count = members.users().size();
    if (count < Group.MIN_OTHERS || count > Group.MAX_MEMBERS - 1) {
      throw new IllegalArgumentException(
          "A group needs "
              + Group.MIN_OTHERS
              + " to "
              + (Group.MAX_MEMBERS - 1)
              + " other members; userIds names "
              + count);
    }
    return members;
  }

  /** Refuses a list naming {@code actor}: you do not add yourself. */
  public NewMembers without(UserId actor) {
    if (users.contains(actor)) {
      throw new IllegalArgumentException("userIds must not name yourself");
    }
    return this;
  }
}
