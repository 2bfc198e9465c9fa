package io.chatapp.chat.messages.control;

import io.chatapp.chat.messages.entity.MessageId;
import io.chatapp.platform.redis.RedisConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import redis.clients.jedis.params.SetParams;

/**
 * The sends with a client id of the last {@link #WINDOW_SECONDS}, so that only a retry looks for
 * the message stored before: one Redis {@code SET NX} of the message's id, instead of a database
 * round trip on every send. (That look-up held the HTTP threads at about 640 sends a second, each
 * waiting about 50 ms on the busy embedded server.)
 *
 * <p>A retry later than the window, or after Redis lost its keys, is taken as a first send. It
 * still makes no second message: its id is the same ({@link MessageId#forClient}), and storage
 * keeps the copy stored first. Its answer then carries a number and time of its own.
 */
@ApplicationScoped
public class RecentSends {

  /** How long a send is remembered: a person retrying a failed message does so within minutes. */
  static final long WINDOW_SECONDS = 10 * 60;

  @Inject RedisConnection redis;

  public RecentSends() {}

  /** For use outside the container (tests, benchmarks). */
  public RecentSends(RedisConnection redis) {
    this.redis = redis;
  }

  /** Whether no send of this message id came in the window; remembers this one. */
  public boolean first(MessageId id) {
    SetParams once = SetParams.setParams().nx().ex(WINDOW_SECONDS);
    return "OK".equals(redis.call(jedis -> jedis.set(key(id), "1", once)));
  }

  static String key(MessageId id) {
    return "chat:send:" + id.value();
  }
}
