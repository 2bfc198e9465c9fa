package io.chatapp.chat.messages.entity;

import io.chatapp.chat.users.entity.UserId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Who reacted to a message with what: one emoji per person ({@code byUser}, in the order they
 * reacted), shown grouped by emoji as {@code {"👍": [userId, …]}}.
 */
public record Reactions(Map<UserId, Emoji> byUser) {

  public static final Reactions NONE = new Reactions(Map.of());

  public Reactions {
    byUser = Collections.unmodifiableMap(new LinkedHashMap<>(byUser));
  }

  public boolean isEmpty() {
    return byUser.isEmpty();
  }

  /** The user's reaction, if any. */
  public Optional<Emoji> of(UserId user) {
    return Optional.ofNullable(byUser.get(user));
  }

  /**
   * What the user's reaction becomes when they send {@code emoji}: none when it is theirs already
   * (a toggle), else this one in place of any other.
   */
  public Optional<Emoji> toggled(UserId user, Emoji emoji) {
    return emoji.equals(byUser.get(user)) ? Optional.empty() : Optional.of(emoji);
  }
}
