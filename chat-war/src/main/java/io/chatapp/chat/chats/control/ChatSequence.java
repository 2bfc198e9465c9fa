package io.chatapp.chat.chats.control;

import io.chatapp.chat.chats.entity.Chat;
import io.chatapp.chat.chats.entity.ChatId;
import io.chatapp.platform.redis.RedisConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/**
 * Gives each message of a chat its place (1, 2, 3, ...) when it is sent, in the order the sends
 * reach any instance: one Redis {@code INCR} on {@code chat:seq:<chatId>}, with no database round
 * trip on the send path. (The database's counter was the longest wait of a send at 450 msg/s: a
 * {@code findOneAndUpdate} queued behind the embedded server's journaled commits.)
 *
 * <p>The chat document's {@code seq} is the highest number stored ({@link ChatCounts#count}). A
 * counter Redis does not have (a chat idle for {@link #IDLE_SECONDS}, or Redis restarted empty)
 * starts again from there. Messages numbered before such a loss and stored after it may then find
 * their number taken; storage gives them the next free one ({@link #nextAbove}). Without Redis a
 * send is a 503: no number is given that another instance could give too.
 *
 * <p>A send with a client id claims it in the same round trip ({@link #next(ChatId, Optional)}): a
 * loopback round trip is dear on this machine (a send's two were 7.5 % of chat-war's samples in the
 * kernel at 1,000 msg/s), and a retry takes no number.
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

  /**
   * KEYS[2] set to ARGV[2] for ARGV[3] seconds unless it is set; when it was, its value and no
   * number. Else the next number, or none as {@link #NEXT}.
   */
  private static final String CLAIM_AND_NEXT =
      """
      if not redis.call('SET', KEYS[2], ARGV[2], 'NX', 'EX', ARGV[3]) then
        return {'claimed', redis.call('GET', KEYS[2])}
      end
      if redis.call('EXISTS', KEYS[1]) == 0 then return {'unnumbered'} end
      redis.call('EXPIRE', KEYS[1], ARGV[1])
      return {'numbered', redis.call('INCR', KEYS[1])}
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

  /**
   * A key set once, for a while: a send's client id ({@code key}), remembering the message id given
   * to it ({@code value}) for {@code seconds}.
   */
  public record Claim(String key, String value, long seconds) {}

  /**
   * A send's number, or, when its claim was made before, the value it was made with and no number.
   */
  public record Numbered(long number, Optional<String> claimedBefore) {

    static Numbered of(long number) {
      return new Numbered(number, Optional.empty());
    }
  }

  /** The number of the chat's next message. */
  public long next(ChatId chat) {
    Object next = redis.call(jedis -> jedis.eval(NEXT, List.of(key(chat)), List.of(idle())));
    return next != null ? (Long) next : nextFromStore(chat);
  }

  /**
   * The number of the chat's next message, in the same round trip as the claim, if any: when that
   * claim was made before (a retried send), no number is taken, and the value it holds is returned.
   */
  public Numbered next(ChatId chat, Optional<Claim> claim) {
    if (claim.isEmpty()) {
      return Numbered.of(next(chat));
    }
    Claim once = claim.get();
    List<String> keys = List.of(key(chat), once.key());
    List<String> args = List.of(idle(), once.value(), "" + once.seconds());
    List<?> answer = (List<?>) redis.call(jedis -> jedis.eval(CLAIM_AND_NEXT, keys, args));
    return switch ((String) answer.get(0)) {
      case "claimed" -> new Numbered(0, Optional.of((String) answer.get(1)));
      case "numbered" -> Numbered.of((Long) answer.get(1));
      default -> Numbered.of(nextFromStore(chat));
    };
  }

  /** The next number after the highest one stored, for a chat whose counter Redis does not have. */
  private long nextFromStore(ChatId chat) {
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
