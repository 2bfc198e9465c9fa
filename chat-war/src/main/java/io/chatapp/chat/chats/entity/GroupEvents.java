package io.chatapp.chat.chats.entity;

import io.chatapp.chat.users.entity.UserId;
import java.util.List;

/** What happens to a group, as domain events for the WebSocket side. */
public final class GroupEvents {

  private GroupEvents() {}

  /**
   * A group's members, admins or name changed. Every instance forgets its members ({@code
   * ChatMembers}); the members get {@code chat:updated {chatId, name, users, admins}}.
   */
  public record Updated(ChatId chatId, GroupName name, List<UserId> users, List<UserId> admins) {

    public Updated {
      users = List.copyOf(users);
      admins = List.copyOf(admins);
    }
  }

  /** People were added to a group (or made it with others): they get {@code chat:new}. */
  public record MembersAdded(ChatId chatId, UserId addedBy, List<UserId> added) {

    public MembersAdded {
      added = List.copyOf(added);
    }
  }

  /** Someone left or was removed: they get {@code chat:removed {chatId}}. */
  public record MemberRemoved(ChatId chatId, UserId removed) {}
}
