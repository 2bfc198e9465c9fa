package io.chatapp.user.token.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.platform.redis.RedisConnection;
import io.chatapp.user.RealRedis;
import io.chatapp.user.profile.entity.UserId;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The refresh-token store against the real Redis, one fresh user per test. */
class RefreshTokenStoreIT {

  static RedisConnection redis;
  RefreshTokenStore store;
  UserId user;

  @BeforeAll
  static void connect() {
    redis = RealRedis.connect();
  }

  @AfterAll
  static void disconnect() {
    redis.close();
  }

  @BeforeEach
  void freshUser() {
    store = new RefreshTokenStore(redis);
    user = UserId.newId();
  }

  @AfterEach
  void cleanUp() {
    redis.call(jedis -> jedis.del(RefreshTokenStore.userKey(user)));
  }

  static Set<String> members(String key) {
    return redis.call(jedis -> jedis.smembers(key));
  }

  static boolean exists(String key) {
    return redis.call(jedis -> jedis.exists(key));
  }

  static String jti() {
    return UUID.randomUUID().toString();
  }

  @Test
  void aRegisteredTokenLivesFifteenDaysAndIsUsedOnce() {
    String jti = jti();
    store.register(jti, user, Duration.ofDays(15));

    assertThat(redis.<String>call(jedis -> jedis.get("refresh:" + jti))).isEqualTo(user.value());
    assertThat(redis.<Long>call(jedis -> jedis.ttl("refresh:" + jti)))
        .isBetween(15 * 86400L - 5, 15 * 86400L);
    assertThat(members("refresh:user:" + user.value())).containsExactly(jti);

    assertThat(store.use(jti, user)).isTrue();
    assertThat(store.isLive(jti)).isFalse();
    assertThat(members(RefreshTokenStore.userKey(user))).isEmpty();
  }

  @Test
  void reusingATokenRevokesEveryTokenOfTheUser() {
    String first = jti();
    String other = jti();
    store.register(first, user, Duration.ofDays(15));
    store.register(other, user, Duration.ofDays(15));
    assertThat(store.use(first, user)).isTrue();
    String rotated = jti();
    store.register(rotated, user, Duration.ofDays(15));

    assertThat(store.use(first, user)).isFalse();

    assertThat(store.isLive(other)).isFalse();
    assertThat(store.isLive(rotated)).isFalse();
    assertThat(exists(RefreshTokenStore.userKey(user))).isFalse();
  }

  @Test
  void aTokenOfAnotherUserIsNotUsable() {
    String jti = jti();
    store.register(jti, user, Duration.ofDays(15));
    UserId stranger = UserId.newId();
    assertThat(store.use(jti, stranger)).isFalse();
    assertThat(store.isLive(jti)).as("the owner's token is untouched").isTrue();
    store.revoke(jti, user);
  }

  @Test
  void revokingEndsOneTokenOnly() {
    String mine = jti();
    String otherDevice = jti();
    store.register(mine, user, Duration.ofDays(15));
    store.register(otherDevice, user, Duration.ofDays(15));

    store.revoke(mine, user);

    assertThat(store.isLive(mine)).isFalse();
    assertThat(store.isLive(otherDevice)).isTrue();
    assertThat(store.use(otherDevice, user)).isTrue();
  }
}
