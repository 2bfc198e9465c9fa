package io.chatapp.chat.realtime.control;

import io.chatapp.chat.users.entity.UserId;
import io.chatapp.platform.redis.RedisConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.List;

/**
 * Who is online, shared by every chat-war instance in Redis. Each open socket is a member of {@code
 * presence:sessions:<userId>} whose score is when it expires; its instance pushes that forward
 * every few seconds, so the sockets of a crashed instance expire by themselves. {@code
 * presence:online} lists the users with at least one live socket.
 */
@ApplicationScoped
public class Presence {

  static final String ONLINE = "presence:online";
  static final long TTL_MILLIS = 30_000;

  @Inject RedisConnection redis;

  public Presence() {}

  public Presence(RedisConnection redis) {
    this.redis = redis;
  }

  /** Records a socket; true when the user just came online. */
  public boolean connected(UserId user, String socketKey) {
    return redis.call(
        jedis -> {
          String key = sessionsKey(user);
          jedis.zadd(key, System.currentTimeMillis() + TTL_MILLIS, socketKey);
          jedis.pexpire(key, TTL_MILLIS * 2);
          return jedis.sadd(ONLINE, user.value()) == 1;
        });
  }

  /** Forgets a socket; true when the user has no socket left anywhere. */
  public boolean disconnected(UserId user, String socketKey) {
    return redis.call(
        jedis -> {
          String key = sessionsKey(user);
          jedis.zrem(key, socketKey);
          jedis.zremrangeByScore(key, Double.NEGATIVE_INFINITY, System.currentTimeMillis());
          if (jedis.zcard(key) == 0) {
            return jedis.srem(ONLINE, user.value()) == 1;
          }
          return false;
        });
  }

  /** Keeps this instance's sockets alive for another {@link #TTL_MILLIS}. */
  public void heartbeat(Collection<Peer> peers, String instance) {
    if (peers.isEmpty()) {
      return;
    }
    long expiry = System.currentTimeMillis() + TTL_MILLIS;
    redis.call(
        jedis -> {
          for (Peer peer : peers) {
            String key = sessionsKey(peer.user());
            jedis.zadd(key, expiry, instance + ":" + peer.id());
            jedis.pexpire(key, TTL_MILLIS * 2);
            jedis.sadd(ONLINE, peer.user().value());
          }
          return null;
        });
  }

  /** Drops sockets whose instance stopped refreshing them; true when someone went offline. */
  public boolean sweep() {
    return redis.call(
        jedis -> {
          boolean changed = false;
          long now = System.currentTimeMillis();
          for (String user : jedis.smembers(ONLINE)) {
            String key = sessionsKey(user);
            jedis.zremrangeByScore(key, Double.NEGATIVE_INFINITY, now);
            if (jedis.zcard(key) == 0 && jedis.srem(ONLINE, user) == 1) {
              changed = true;
            }
          }
          return changed;
        });
  }

  public List<String> online() {
    return redis.call(jedis -> List.copyOf(jedis.smembers(ONLINE)));
  }

  public boolean isOnline(UserId user) {
    return redis.call(jedis -> jedis.sismember(ONLINE, user.value()));
  }

  static String sessionsKey(UserId user) {
    return sessionsKey(user.value());
  }

  private static String sessionsKey(String userId) {
    return "presence:sessions:" + userId;
  }
}
