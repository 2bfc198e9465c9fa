package io.chatapp.user.token.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.devstack.EmbeddedMongo;
import io.chatapp.platform.mongo.MongoConnection;
import io.chatapp.user.profile.entity.UserId;
import io.chatapp.user.token.entity.RefreshUse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The refresh-token store against the MongoDB-compatible server through the real driver, one fresh
 * user per test. Nothing of it is in Redis, so a Redis that lost its data logs nobody out. Time is
 * a fixed clock: a use "after the grace" is a store whose clock is past it, no waiting.
 */
class RefreshTokenStoreIT {

  static EmbeddedMongo server;
  static MongoConnection mongo;
  static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
  static final Duration GRACE = Duration.ofSeconds(15);
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
    store = at(NOW);
    user = UserId.newId();
  }

  static String jti() {
    return UUID.randomUUID().toString();
  }

  static RefreshTokenStore at(Instant now) {
    return new RefreshTokenStore(mongo, Clock.fixed(now, ZoneOffset.UTC), GRACE);
  }

  @Test
  void aRegisteredTokenIsUsedOnce() {
    String jti = jti();
    store.register(jti, user, Duration.ofDays(15));
    assertThat(store.isLive(jti)).isTrue();

    assertThat(store.use(jti, user)).isEqualTo(RefreshUse.ROTATED);
    assertThat(store.isLive(jti)).isFalse();
  }

  @Test
  void aTokenPastItsLifetimeIsNotLive() {
    String jti = jti();
    store.register(jti, user, Duration.ofDays(15));
    RefreshTokenStore later = at(NOW.plus(Duration.ofDays(16)));

    assertThat(later.isLive(jti)).isFalse();
    assertThat(later.use(jti, user)).isEqualTo(RefreshUse.REUSED);
  }

  @Test
  void reusingATokenAfterTheGraceRevokesEveryTokenOfTheUser() {
    String first = jti();
    String other = jti();
    store.register(first, user, Duration.ofDays(15));
    store.register(other, user, Duration.ofDays(15));
    assertThat(store.use(first, user)).isEqualTo(RefreshUse.ROTATED);
    String rotated = jti();
    store.register(rotated, user, Duration.ofDays(15));

    RefreshTokenStore afterTheGrace = at(NOW.plus(GRACE).plusSeconds(1));
    assertThat(afterTheGrace.use(first, user)).isEqualTo(RefreshUse.REUSED);

    assertThat(afterTheGrace.isLive(other)).isFalse();
    assertThat(afterTheGrace.isLive(rotated)).isFalse();
    assertThat(afterTheGrace.use(rotated, user))
        .as("the token the rotation issued is revoked too")
        .isEqualTo(RefreshUse.REUSED);
  }

  @Test
  void reusingATokenWithinTheGraceIsRefusedAndRevokesNothing() {
    String first = jti();
    String other = jti();
    store.register(first, user, Duration.ofDays(15));
    store.register(other, user, Duration.ofDays(15));
    assertThat(store.use(first, user)).isEqualTo(RefreshUse.ROTATED);
    String rotated = jti();
    store.register(rotated, user, Duration.ofDays(15));

    RefreshTokenStore lastSecondOfTheGrace = at(NOW.plus(GRACE).minusMillis(1));
    assertThat(store.use(first, user)).isEqualTo(RefreshUse.JUST_REPLACED);
    assertThat(lastSecondOfTheGrace.use(first, user)).isEqualTo(RefreshUse.JUST_REPLACED);

    assertThat(store.isLive(first)).as("it does not come back to life").isFalse();
    assertThat(store.isLive(other)).isTrue();
    assertThat(store.isLive(rotated)).isTrue();
    assertThat(store.use(rotated, user)).isEqualTo(RefreshUse.ROTATED);
  }

  @Test
  void aGraceOfZeroRevokesAtOnceAsBefore() {
    RefreshTokenStore strict =
        new RefreshTokenStore(mongo, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ZERO);
    String first = jti();
    String other = jti();
    strict.register(first, user, Duration.ofDays(15));
    strict.register(other, user, Duration.ofDays(15));
    assertThat(strict.use(first, user)).isEqualTo(RefreshUse.ROTATED);

    assertThat(strict.use(first, user)).isEqualTo(RefreshUse.REUSED);
    assertThat(strict.isLive(other)).isFalse();
  }

  @Test
  void aTokenOfAnotherUserIsNotUsable() {
    String jti = jti();
    store.register(jti, user, Duration.ofDays(15));
    UserId stranger = UserId.newId();
    assertThat(store.use(jti, stranger)).isEqualTo(RefreshUse.REUSED);
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
    assertThat(store.use(otherDevice, user)).isEqualTo(RefreshUse.ROTATED);
  }

  @Test
  void aRevokedTokenIsNoJustReplacedOne() {
    String mine = jti();
    String otherDevice = jti();
    store.register(mine, user, Duration.ofDays(15));
    store.register(otherDevice, user, Duration.ofDays(15));
    store.revoke(mine, user);

    assertThat(store.use(mine, user)).as("logged out, then used").isEqualTo(RefreshUse.REUSED);
    assertThat(store.isLive(otherDevice)).isFalse();
  }

  @Test
  void ofTwoUsesAtOnceOneRotatesAndTheOtherIsToldItWasJustReplaced() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 20; round++) {
        String jti = jti();
        String otherDevice = jti();
        UserId owner = UserId.newId();
        store.register(jti, owner, Duration.ofDays(15));
        store.register(otherDevice, owner, Duration.ofDays(15));
        CountDownLatch start = new CountDownLatch(1);
        Callable<RefreshUse> use =
            () -> {
              start.await();
              return store.use(jti, owner);
            };
        List<Future<RefreshUse>> uses = List.of(pool.submit(use), pool.submit(use));
        start.countDown();
        List<RefreshUse> results = new ArrayList<>();
        for (Future<RefreshUse> result : uses) {
          results.add(result.get());
        }

        assertThat(results)
            .as("round %d", round)
            .containsExactlyInAnyOrder(RefreshUse.ROTATED, RefreshUse.JUST_REPLACED);
        assertThat(store.isLive(otherDevice)).as("nothing revoked, round %d", round).isTrue();
      }
    } finally {
      pool.shutdown();
    }
  }
}
