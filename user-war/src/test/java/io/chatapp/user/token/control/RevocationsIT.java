package io.chatapp.user.token.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.platform.auth.Revocations;
import io.chatapp.platform.auth.TokenVerifier;
import io.chatapp.platform.redis.RedisConnection;
import io.chatapp.user.RealRedis;
import io.chatapp.user.profile.entity.User;
import io.chatapp.user.profile.entity.UserId;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A revoked session's access tokens are refused at once by every service that follows the
 * revocations on the real Redis, a verified token cached or not; other sessions carry on.
 */
class RevocationsIT {

  static RedisConnection redis;
  static KeyPair keys;

  @BeforeAll
  static void connect() throws Exception {
    redis = RealRedis.connect();
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    keys = generator.generateKeyPair();
  }

  @AfterAll
  static void disconnect() {
    redis.close();
  }

  @Test
  void aRevokedSessionIsRefusedEverywhereAndOtherSessionsAreNot() throws Exception {
    User ann = user();
    TokenIssuer issuer = new TokenIssuer((RSAPrivateKey) keys.getPrivate(), Clock.systemUTC());
    String laptop = UUID.randomUUID().toString();
    String phone = UUID.randomUUID().toString();
    String laptopToken = issuer.access(ann, laptop).value();
    String phoneToken = issuer.access(ann, phone).value();

    Revocations userWar = new Revocations(redis);
    Revocations chatWar = new Revocations(redis);
    TokenVerifier chatVerifier = verifier(chatWar);
    List<Revocations.Revoked> heard = new CopyOnWriteArrayList<>();
    chatWar.onRevoked(heard::add);
    assertThat(chatVerifier.verifyAccess(laptopToken)).as("verified, and now cached").isPresent();

    userWar.revokeSession(laptop);
    awaitRefused(chatVerifier, laptopToken);
    assertThat(chatVerifier.verifyAccess(phoneToken)).isPresent();
    assertThat(heard).anyMatch(r -> r.covers(laptop, ann.id().value(), Instant.now()));

    Revocations startedLater = new Revocations(redis);
    assertThat(verifier(startedLater).verifyAccess(laptopToken))
        .as("a service that starts later loads what was revoked")
        .isEmpty();
  }

  @Test
  void revokingAUserRefusesEveryTokenIssuedUntilThenButNotLaterOnes() throws Exception {
    User bob = user();
    TokenIssuer earlier =
        new TokenIssuer(
            (RSAPrivateKey) keys.getPrivate(),
            Clock.offset(Clock.systemUTC(), Duration.ofSeconds(-2)));
    String before = earlier.access(bob, UUID.randomUUID().toString()).value();
    Revocations revocations = new Revocations(redis);
    TokenVerifier verifier = verifier(revocations);
    assertThat(verifier.verifyAccess(before)).isPresent();

    revocations.revokeUser(bob.id().value());
    awaitRefused(verifier, before);
    TokenIssuer now = new TokenIssuer((RSAPrivateKey) keys.getPrivate(), Clock.systemUTC());
    assertThat(verifier.verifyAccess(now.access(bob, "new-login").value()))
        .as("logging in again at once works")
        .isPresent();
  }

  private static TokenVerifier verifier(Revocations revocations) {
    return new TokenVerifier((RSAPublicKey) keys.getPublic(), Clock.systemUTC(), revocations);
  }

  private static void awaitRefused(TokenVerifier verifier, String token) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (verifier.verifyAccess(token).isPresent()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the revoked token is still accepted");
      }
      Thread.sleep(20);
    }
  }

  private static User user() {
    Instant now = Instant.now();
    return new User(new UserId(new ObjectId().toHexString()), "Ann", "ann@example.com", now, now);
  }
}
