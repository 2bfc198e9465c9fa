package io.chatapp.chat.messages.entity;

import io.chatapp.chat.users.entity.UserId;
import java.util.List;

/**
 * A message and who it is for: what travels through the pipeline's steps. In a 1:1 chat that is
 * {@code recipient}; in a group it is {@code group}, the members but the sender when it was sent
 * ({@code recipient} null), so that who left before it never gets it.
 */
public record Addressed(Message message, UserId recipient, List<UserId> group) {

  public Addressed {
    group = recipient == null ? List.copyOf(group) : List.of();
  }

  /** A message of a 1:1 chat. */
  public Addressed(Message message, UserId recipient) {
    this(message, recipient, List.of());
  }

  /** A message of a group, for its members but the sender. */
  public static Addressed toGroup(Message message, List<UserId> recipients) {
    return new Addressed(message, null, recipients);
  }

  public boolean isGroup() {
    return recipient == null;
  }

  /** Everyone it is for: the recipient, or the group's members but the sender. */
  public List<UserId> recipients() {
    return isGroup() ? group : List.of(recipient);
  }

  /** The same addressing for the message as stored. */
  public Addressed with(Message stored) {
    return new Addressed(stored, recipient, group);
  }
}
