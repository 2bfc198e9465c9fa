package io.chatapp.chat.messages.entity;

import io.chatapp.chat.users.entity.UserId;
import java.util.List;

/**
 * A message and who it is for: what travels through the pipeline's steps. In a 1:1 chat that is
 * {@code recipient}; in a group it is {@code group}, the members but the sender when it was sent
 * ({@code recipient} null), so that who left before it never gets it. {@code firstSend} says that
 * its id was given to this send alone, so no earlier send can have stored it; false when that is
 * not known (a retried send with the same client id gets the id of the first).
 */
public record Addressed(Message message, UserId recipient, List<UserId> group, boolean firstSend) {

  public Addressed {
    group = recipient == null ? List.copyOf(group) : List.of();
  }

  public Addressed(Message message, UserId recipient, List<UserId> group) {
    this(message, recipient, group, false);
  }

  /** A message of a 1:1 chat. */
  public Addressed(Message message, UserId recipient) {
    this(message, recipient, List.of());
  }

  /** A message of a group, for its members but the sender. */
  public static Addressed toGroup(Message message, List<UserId> recipients) {
    return new Addressed(message, null, recipients);
  }

  /** The same, known to be the first send of its id. */
  public Addressed asFirstSend() {
    return new Addressed(message, recipient, group, true);
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
    return new Addressed(stored, recipient, group, firstSend);
  }
}
