package io.chatapp.chat.chats.control;

import io.chatapp.chat.chats.entity.ChatId;
import io.chatapp.chat.users.entity.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Who is in a chat, remembered: every send, typing notice and read receipt checks membership, so
 * after the first lookup it costs no database round trip. The members of a 1:1 chat never change; a
 * group's do, and every change makes every instance forget the group ({@link #forget}: at once
 * here, and through the real-time channel on the others). A lookup that was under way while a
 * change was forgotten is not remembered, so it cannot bring the old members back. Bounded: when
 * full it forgets everything and fills again from the store.
 */
@ApplicationScoped
public class ChatMembers {

  static final int CAPACITY = 50_000;

  @Inject ChatStore chats;

  /** A chat's members, in joining order, and whether it is a group. */
  public record Membership(List<UserId> users, boolean group) {

    public Membership {
      users = List.copyOf(users);
    }

    /** The members but {@code user}. */
    public List<UserId> others(UserId user) {
      return users.stream().filter(member -> !member.equals(user)).toList();
    }
  }

  private final Map<ChatId, Membership> known = new ConcurrentHashMap<>();

  /** Counts forgets: a lookup started before one is not remembered. */
  private final AtomicLong generation = new AtomicLong();

  public ChatMembers() {}

  /** For use outside the container (tests, benchmarks). */
  public ChatMembers(ChatStore chats) {
    this.chats = chats;
  }

  /** The chat's members, or empty when there is no such chat. */
  public Optional<List<UserId>> of(ChatId chat) {
    return membership(chat).map(Membership::users);
  }

  /** The chat's members and kind, or empty when there is no such chat. */
  public Optional<Membership> membership(ChatId chat) {
    Membership members = known.get(chat);
    if (members != null) {
      return Optional.of(members);
    }
    long before = generation.get();
    Optional<Membership> found = chats.find(chat).map(c -> new Membership(c.users(), c.isGroup()));
    found.ifPresent(
        membership -> {
          if (known.size() >= CAPACITY) {
            known.clear();
          }
          known.put(chat, membership);
          if (generation.get() != before) {
            known.remove(chat, membership);
          }
        });
    return found;
  }

  /** The chat's members changed (here or on another instance): read them again next time. */
  public void forget(ChatId chat) {
    generation.incrementAndGet();
    known.remove(chat);
  }

  /** Changes may have been missed (the channel between instances was lost): forget everything. */
  public void forgetAll() {
    generation.incrementAndGet();
    known.clear();
  }
}
