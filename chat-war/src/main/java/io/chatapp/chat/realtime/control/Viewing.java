package io.chatapp.chat.realtime.control;

import io.chatapp.chat.chats.entity.ChatId;
import io.chatapp.chat.users.entity.UserId;
import io.chatapp.platform.redis.RedisConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Which chat each socket has open on screen, in Redis so that the instance that handles a new
 * message knows it even when the recipient's socket is on another instance: {@code
 * viewing:<userId>} maps a socket to a chat id.
 */
@ApplicationScoped
public class Viewing {

  static final long TTL_SECONDS = 120;

  @Inject RedisConnection redis;

  public Viewing() {}

  public Viewing(RedisConnection redis) {
    this.redis = redis;
  }

  public void viewing(UserId user, String socketKey, ChatId chat) {
    redis.call(
        jedis -> {
          jedis.hset(key(user), socketKey, chat.value());
          jedis.expire(key(user), TTL_SECONDS);
          return null;
        });
  }

  public void notViewing(UserId user, String socketKey) {
    redis.call(jedis -> jedis.hdel(key(user), socketKey));
  }

  /** Whether any socket of the user shows the chat right now. */
  public boolean isViewing(UserId user, ChatId chat) {
    return redis.call(jedis -> jedis.hvals(key(user)).contains(chat.value()));
  }

  /** Keeps the entries of live sockets from expiring. */
  public void touch(UserId user) {
    redis.call(jedis -> jedis.expire(key(user), TTL_SECONDS));
  }

  private static String key(UserId user) {
    return "viewing:" + user.value();
  }
}
