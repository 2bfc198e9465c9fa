package io.chatapp.user.token.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.devstack.EmbeddedMongo;
import io.chatapp.platform.mongo.MongoConnection;
import io.chatapp.user.profile.entity.UserId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The refresh-token store against the MongoDB-compatible server through the real driver, one fresh
 * user per test. Nothing of it is in Redis, so a Redis that lost its data logs nobody out.
 */
class RefreshTokenStoreIT {

  static EmbeddedMongo server;
  static MongoConnection mongo;
  static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
  RefreshTokenStore store;
  UserId user;

  @BeforeAll
  static void start() {
    server = EmbeddedMongo.startInMemory();
    mongo = new MongoConnection(server.uri(), "refresh-tokens-it");
    new RefreshTokenStore(mongo, Clock.systemUTC()).createIndexes();
  }

  @AfterAll
  static void stop() {
    mongo.close();
    server.close();
  }

  @BeforeEach
  void freshUser() {
    store = new RefreshTokenStore(mongo, Clock.fixed(NOW, ZoneOffset.UTC));
    user = UserId.newId();
  }

  static String jti() {
    return UUID.randomUUID().toString();
  }

  @Test
  void aRegisteredTokenIsUsedOnce() {
    String jti = jti();
    store.register(jti, user, Duration.ofDays(15));
    assertThat(store.isLive(jti)).isTrue();

    assertThat(store.use(jti, user)).isTrue();
    assertThat(store.isLive(jti)).isFalse();
  }

  @Test
  void aTokenPastItsLifetimeIsNotLive() {
    String jti = jti();
    store.register(jti, user, Duration.ofDays(15));
    RefreshTokenStore later =
        new RefreshTokenStore(mongo, Clock.fixed(NOW.plus(Duration.ofDays(16)), ZoneOffset.UTC));

    assertThat(later.isLive(jti)).isFalse();
    assertThat(later.use(jti, user)).isFalse();
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
  }

  @Test
  void aTokenOfAnotherUserIsNotUsable() {
    String jti = jti();
    store.register(jti, user, Duration.ofDays(15));
    UserId stranger = UserId.newId();
    assertThat(store.use(jti, stranger)).isFalse();
    assertThat(store.isLive(jti)).as("the owner's token is untouched").isTrue();
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

  @Test
  void ofTwoUsesAtOnceOneWins() throws Exception {
    for (int round = 0; round < 20; round++) {
      String jti = jti();
      UserId owner = UserId.newId();
      store.register(jti, owner, Duration.ofDays(15));
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        List<Callable<Boolean>> uses =
            List.of(() -> store.use(jti, owner), () -> store.use(jti, owner));
        List<Boolean> results = new ArrayList<>();
        for (Future<Boolean> result : pool.invokeAll(uses)) {
          results.add(result.get());
        }
        assertThat(results).containsExactlyInAnyOrder(true, false);
      } finally {
        pool.shutdown();
      }
    }
  }
}
