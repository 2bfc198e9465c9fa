package io.chatapp.user.token.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatapp.devstack.EmbeddedMongo;
import io.chatapp.platform.auth.Revocations;
import io.chatapp.platform.auth.TokenVerifier;
import io.chatapp.platform.errors.Refusal;
import io.chatapp.platform.mongo.MongoConnection;
import io.chatapp.platform.redis.RedisConnection;
import io.chatapp.user.RealRedis;
import io.chatapp.user.profile.control.UserStore;
import io.chatapp.user.profile.entity.User;
import io.chatapp.user.profile.entity.UserId;
import io.chatapp.user.token.entity.Session;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
 * Renewing a session with the same refresh token twice at once, as a browser does when it restores
 * two tabs or wakes every tab from sleep: one renewal rotates, the other is told the token was just
 * replaced, and no session ends. A token presented again after the grace still ends every session
 * of the user. The refresh tokens in the MongoDB-compatible server, the revocations on the real
 * Redis; tokens are issued two seconds in the past so that a revocation now would cover them (it
 * covers tokens of an earlier second), and "after the grace" is a store whose clock is past it.
 */
class SessionsIT {

  static final Duration GRACE = Duration.ofSeconds(15);

  static EmbeddedMongo server;
  static MongoConnection mongo;
  static RedisConnection redis;
  static KeyPair keys;

  User ann;
  Revocations revocations;
  TokenVerifier verifier;
  Sessions sessions;

  @BeforeAll
  static void start() throws Exception {
    server = EmbeddedMongo.startInMemory();
    mongo = new MongoConnection(server.uri(), "sessions-it");
    new RefreshTokenStore(mongo, Clock.systemUTC()).createIndexes();
    redis = RealRedis.connect();
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    keys = generator.generateKeyPair();
  }

  @AfterAll
  static void stop() {
    redis.close();
    mongo.close();
    server.close();
  }

  @BeforeEach
  void freshUser() {
    Instant now = Instant.now();
    ann = new User(UserId.newId(), "Ann", "ann@example.com", now, now);
    revocations = new Revocations(redis);
    verifier = new TokenVerifier((RSAPublicKey) keys.getPublic(), Clock.systemUTC(), revocations);
    sessions = sessions(new RefreshTokenStore(mongo, Clock.systemUTC(), GRACE));
  }

  @Test
  void twoRenewalsAtOnceWithTheSameTokenRotateOnceAndEndNoSession() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 10; round++) {
        Session login = sessions.start(ann);
        Session otherDevice = sessions.start(ann);
        String cookie = login.refreshToken().value();

        List<Object> outcomes = renewAtOnce(pool, cookie, cookie);

        assertThat(outcomes).as("round %d", round).hasSize(2);
        assertThat(outcomes)
            .filteredOn(Session.class::isInstance)
            .as("exactly one renewal rotates, round %d", round)
            .hasSize(1);
        assertThat(outcomes)
            .filteredOn(Refusal.class::isInstance)
            .singleElement()
            .satisfies(
                refused -> {
                  assertThat(((Refusal) refused).kind()).isEqualTo(Refusal.Kind.CONFLICT);
                  assertThat(((Refusal) refused).getMessage()).isEqualTo(Sessions.JUST_REPLACED);
                });
        Session renewed =
            (Session) outcomes.stream().filter(Session.class::isInstance).findFirst().orElseThrow();

        assertThat(verifier.verifyAccess(login.accessToken().value()))
            .as("the session's access token from before the renewal is not revoked")
            .isPresent();
        assertThat(verifier.verifyAccess(otherDevice.accessToken().value()))
            .as("nor the other device's")
            .isPresent();
        assertThat(verifier.verifyAccess(renewed.accessToken().value())).isPresent();
        Session next = sessions.renew(renewed.refreshToken().value());
        assertThat(verifier.verifyAccess(next.accessToken().value()))
            .as("the new refresh token works")
            .hasValueSatisfying(caller -> assertThat(caller.userId()).isEqualTo(ann.id().value()));
        assertThat(sessions.renew(otherDevice.refreshToken().value())).isNotNull();
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void aTokenPresentedAgainAfterTheGraceEndsEverySessionOfTheUser() throws Exception {
    Session laptop = sessions.start(ann);
    Session phone = sessions.start(ann);
    Session renewed = sessions.renew(laptop.refreshToken().value());

    sessions.refreshTokens =
        new RefreshTokenStore(mongo, Clock.offset(Clock.systemUTC(), GRACE.plusSeconds(1)), GRACE);
    assertThatThrownBy(() -> sessions.renew(laptop.refreshToken().value()))
        .isInstanceOfSatisfying(
            Refusal.class,
            refused -> {
              assertThat(refused.kind()).isEqualTo(Refusal.Kind.NOT_AUTHENTICATED);
              assertThat(refused.getMessage()).contains("already used");
            });

    assertThat(verifier.verifyAccess(renewed.accessToken().value())).isEmpty();
    assertThat(verifier.verifyAccess(phone.accessToken().value())).isEmpty();
    assertThatThrownBy(() -> sessions.renew(renewed.refreshToken().value()))
        .as("the token the rotation issued is revoked too")
        .isInstanceOf(Refusal.class);
    assertThatThrownBy(() -> sessions.renew(phone.refreshToken().value()))
        .as("and the other device's")
        .isInstanceOf(Refusal.class);
  }

  @Test
  void loggingOutWithATokenAlreadyReplacedEndsItsSuccessorToo() {
    Session laptop = sessions.start(ann);
    Session phone = sessions.start(ann);
    Session renewed = sessions.renew(laptop.refreshToken().value());

    sessions.end(laptop.refreshToken().value());

    assertThat(sessions.refreshTokens.isLive(renewed.refreshToken().jti()))
        .as("the successor would renew the session once its revocation (16 min) is gone")
        .isFalse();
    assertThat(sessions.refreshTokens.isLive(phone.refreshToken().jti()))
        .as("another session of the user")
        .isTrue();
  }

  /** Renews with each cookie on a thread of its own, all let go at once: a Session or a Refusal. */
  private List<Object> renewAtOnce(ExecutorService pool, String... cookies) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Object>> renewals = new ArrayList<>();
    for (String cookie : cookies) {
      Callable<Object> renewal =
          () -> {
            start.await();
            try {
              return sessions.renew(cookie);
            } catch (Refusal refused) {
              return refused;
            }
          };
      renewals.add(pool.submit(renewal));
    }
    start.countDown();
    List<Object> outcomes = new ArrayList<>();
    for (Future<Object> renewal : renewals) {
      outcomes.add(renewal.get());
    }
    return outcomes;
  }

  private Sessions sessions(RefreshTokenStore store) {
    Sessions sessions = new Sessions();
    sessions.issuer =
        new TokenIssuer(
            (RSAPrivateKey) keys.getPrivate(),
            Clock.offset(Clock.systemUTC(), Duration.ofSeconds(-2)));
    sessions.refreshTokens = store;
    sessions.verifier = verifier;
    sessions.revocations = revocations;
    sessions.users =
        new UserStore() {
          @Override
          public Optional<User> find(UserId id) {
            return id.equals(ann.id()) ? Optional.of(ann) : Optional.empty();
          }
        };
    return sessions;
  }
}
