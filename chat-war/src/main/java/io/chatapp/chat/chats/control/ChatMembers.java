package io.chatapp.chat.chats.control;

import io.chatapp.chat.chats.entity.ChatId;
import io.chatapp.chat.users.entity.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who is in a chat, remembered: every send, typing notice and read receipt checks membership, and
 * the members of a 1:1 chat never change, so after the first lookup it costs no database round
 * trip. Bounded: when full it forgets everything and fills again from the store.
 */
@ApplicationScoped
public class ChatMembers {

  static final int CAPACITY = 50_000;

  @Inject ChatStore chats;

  private final Map<ChatId, List<UserId>> known = new ConcurrentHashMap<>();

  public ChatMembers() {}

  /** For use outside the container (tests, benchmarks). */
  public ChatMembers(ChatStore chats) {
    this.chats = chats;
  }

  /** The chat's members, or empty when there is no such chat. */
  public Optional<List<UserId>> of(ChatId chat) {
    List<UserId> members = known.get(chat);
    if (members != null) {
      return Optional.of(members);
    }
    Optional<List<UserId>> found = chats.find(chat).map(c -> c.users());
    found.ifPresent(users -> remember(chat, users));
    return found;
  }

  private void remember(ChatId chat, List<UserId> users) {
    if (known.size() >= CAPACITY) {
      known.clear();
    }
    known.put(chat, users);
  }
}
