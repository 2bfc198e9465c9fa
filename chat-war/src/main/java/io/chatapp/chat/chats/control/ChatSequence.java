package io.chatapp.chat.chats.control;

import io.chatapp.chat.chats.entity.Chat;
import io.chatapp.chat.chats.entity.ChatId;
import io.chatapp.platform.redis.RedisConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Gives each message of a chat its place (1, 2, 3, ...) when it is sent, in the order the sends
 * reach any instance: one Redis {@code INCR} on {@code chat:seq:<chatId>}, with no database round
 * trip on the send path. (The database's counter was the longest wait of a send at 450 msg/s: a
 * {@code findOneAndUpdate} queued behind the embedded server's journaled commits.)
 *
 * <p>The chat document's {@code seq} is the highest number stored ({@link ChatStore#count}). A
 * counter Redis does not have (a chat idle for {@link #IDLE_SECONDS}, or Redis restarted empty)
 * starts again from there. Messages numbered before such a loss and stored after it may then find
 * their number taken; storage gives them the next free one ({@link #nextAbove}). Without Redis a
 * send is a 503: no number is given that another instance could give too.
 */
@ApplicationScoped
public class ChatSequence {

  /** A counter unused this long is dropped; Redis keeps only the chats people write in. */
  static final long IDLE_SECONDS = 7 * 24 * 3600;

  /** The next number, or nil when Redis has no counter for the chat. */
  private static final String NEXT =
      """
      if redis.call('EXISTS', KEYS[1]) == 0 then return false end
      redis.call('EXPIRE', KEYS[1], ARGV[1])
      return redis.call('INCR', KEYS[1])
      """;

  /** The next number above ARGV[1] (and above the counter). */
  private static final String NEXT_ABOVE =
      """
      local current = tonumber(redis.call('GET', KEYS[1]) or '0')
      if current < tonumber(ARGV[1]) then redis.call('SET', KEYS[1], ARGV[1]) end
      redis.call('EXPIRE', KEYS[1], ARGV[2])
      return redis.call('INCR', KEYS[1])
      """;

  @Inject RedisConnection redis;
  @Inject ChatStore chats;

  public ChatSequence() {}

  /** For use outside the container (tests, benchmarks). */
  public ChatSequence(RedisConnection redis, ChatStore chats) {
    this.redis = redis;
    this.chats = chats;
  }

  /** The number of the chat's next message. */
  public long next(ChatId chat) {
    Object next = redis.call(jedis -> jedis.eval(NEXT, List.of(key(chat)), List.of(idle())));
    if (next != null) {
      return (Long) next;
    }
    long stored =
        chats
            .find(chat)
            .map(Chat::seq)
            .orElseThrow(() -> new IllegalStateException("No chat " + chat));
    return nextAbove(chat, stored);
  }

  /**
   * A number above {@code taken}, for a message whose number is held by another (the counter fell
   * behind what is stored): the counter moves past {@code taken} first.
   */
  public long nextAbove(ChatId chat, long taken) {
    return (Long)
        redis.call(
            jedis -> jedis.eval(NEXT_ABOVE, List.of(key(chat)), List.of("" + taken, idle())));
  }

  private static String idle() {
    return "" + IDLE_SECONDS;
  }

  static String key(ChatId chat) {
    return "chat:seq:" + chat.value();
  }
}
