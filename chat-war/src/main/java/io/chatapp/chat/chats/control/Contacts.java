package io.chatapp.chat.chats.control;

import io.chatapp.chat.chats.entity.Chat;
import io.chatapp.chat.chats.entity.ChatCreated;
import io.chatapp.chat.users.entity.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The people a user shares a 1:1 chat with: the only ones told when the user comes online or goes
 * offline (groups do not count: a presence change stays a few frames, not one per group member).
 * Remembered per user, since presence changes far more often than chats begin; a new chat makes its
 * members forget theirs, on this instance at once and on the others through {@link #forget}. An
 * entry also lives at most {@link #MAX_AGE_MILLIS}, so that one read while a chat began cannot stay
 * wrong. Bounded: when full it forgets everything and fills again from the store.
 */
@ApplicationScoped
public class Contacts {

  static final int CAPACITY = 50_000;
  static final long MAX_AGE_MILLIS = 5 * 60_000;

  @Inject ChatStore chats;

  private final Map<UserId, Known> known = new ConcurrentHashMap<>();

  private record Known(Set<UserId> contacts, long readAt) {}

  public Contacts() {}

  /** For use outside the container (tests, benchmarks). */
  public Contacts(ChatStore chats) {
    this.chats = chats;
  }

  public Set<UserId> of(UserId user) {
    Known remembered = known.get(user);
    long now = System.currentTimeMillis();
    if (remembered != null && now - remembered.readAt() < MAX_AGE_MILLIS) {
      return remembered.contacts();
    }
    Set<UserId> found =
        chats.listFor(user).stream()
            .filter(chat -> !chat.isGroup())
            .map((Chat chat) -> chat.otherThan(user))
            .collect(Collectors.toUnmodifiableSet());
    if (known.size() >= CAPACITY) {
      known.clear();
    }
    known.put(user, new Known(found, now));
    return found;
  }

  /** The users' contacts changed (a chat of theirs began, maybe on another instance). */
  public void forget(Collection<UserId> users) {
    users.forEach(known::remove);
  }

  void chatCreated(@Observes ChatCreated event) {
    forget(Set.of(event.createdBy(), event.otherUserId()));
  }
}
