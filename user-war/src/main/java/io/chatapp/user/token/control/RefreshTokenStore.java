package io.chatapp.user.token.control;

import io.chatapp.platform.redis.RedisConnection;
import io.chatapp.user.profile.entity.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;

/**
 * The refresh tokens that may still be used, in Redis: {@code refresh:{jti}} holds the user id for
 * the token's lifetime, and the set {@code refresh:user:{userId}} lists a user's live jtis so that
 * all of them can be revoked at once.
 *
 * <p>A refresh token is used once. Presenting one whose signature is good but that is no longer
 * live means a copy is in other hands (or a client replayed it): every refresh token of that user
 * is revoked, so both parties must log in again.
 */
@ApplicationScoped
public class RefreshTokenStore {

  private static final String REGISTER =
      """
      redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[3])
      redis.call('SADD', KEYS[2], ARGV[2])
      if redis.call('TTL', KEYS[2]) < tonumber(ARGV[3]) then
        redis.call('EXPIRE', KEYS[2], ARGV[3])
      end
      return 1
      """;

  /** Uses a live token (1), or, for a dead one, revokes every token of the user (0). */
  private static final String USE =
      """
      if redis.call('GET', KEYS[1]) == ARGV[1] then
        redis.call('DEL', KEYS[1])
        redis.call('SREM', KEYS[2], ARGV[2])
        return 1
      end
      for _, jti in ipairs(redis.call('SMEMBERS', KEYS[2])) do
        redis.call('DEL', ARGV[3] .. jti)
      end
      redis.call('DEL', KEYS[2])
      return 0
      """;

  private static final String REVOKE =
      """
      if redis.call('GET', KEYS[1]) == ARGV[1] then
        redis.call('DEL', KEYS[1])
      end
      redis.call('SREM', KEYS[2], ARGV[2])
      return 1
      """;

  private static final String TOKEN_PREFIX = "refresh:";

  @Inject RedisConnection redis;

  public RefreshTokenStore() {}

  /** For use outside the container (tests). */
  public RefreshTokenStore(RedisConnection redis) {
    this.redis = redis;
  }

  static String tokenKey(String jti) {
    return TOKEN_PREFIX + jti;
  }

  static String userKey(UserId user) {
    return "refresh:user:" + user.value();
  }

  /** Makes a newly issued refresh token usable for its lifetime. */
  public void register(String jti, UserId user, Duration lifetime) {
    redis.call(
        jedis ->
            jedis.eval(
                REGISTER,
                List.of(tokenKey(jti), userKey(user)),
                List.of(user.value(), jti, String.valueOf(lifetime.toSeconds()))));
  }

  /**
   * Uses the token up. False when it was not live (used, revoked, expired): then all of the user's
   * refresh tokens have just been revoked.
   */
  public boolean use(String jti, UserId user) {
    long used =
        redis.call(
            jedis ->
                (Long)
                    jedis.eval(
                        USE,
                        List.of(tokenKey(jti), userKey(user)),
                        List.of(user.value(), jti, TOKEN_PREFIX)));
    return used == 1;
  }

  /** Revokes one token (logout); nothing happens when it is not live. */
  public void revoke(String jti, UserId user) {
    redis.call(
        jedis ->
            jedis.eval(REVOKE, List.of(tokenKey(jti), userKey(user)), List.of(user.value(), jti)));
  }

  /** Whether the token is live (tests, diagnostics). */
  public boolean isLive(String jti) {
    return redis.call(jedis -> jedis.exists(tokenKey(jti)));
  }
}
