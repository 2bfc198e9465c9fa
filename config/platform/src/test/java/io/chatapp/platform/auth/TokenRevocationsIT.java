package io.chatapp.platform.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.platform.redis.RedisConnection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A revoked session is refused by the verifier even for a token it remembers as verified, through
 * {@link Revocations} on the real Redis. Users and sessions are random ids of this run; their
 * entries in {@code auth:revoked} lapse after {@link Revocations#KEPT} as every entry does.
 */
class TokenRevocationsIT {

  static final SignedTokens TOKENS = new SignedTokens();
  static RedisConnection redis;

  @BeforeAll
  static void connect() {
    String url = System.getenv("REDIS_URL");
    redis = new RedisConnection(url == null || url.isBlank() ? "redis://localhost:6379" : url);
  }

  @AfterAll
  static void disconnect() {
    redis.close();
  }

  @Test
  void aRevokedSessionIsRefusedEvenWhenItsTokenWasVerifiedBefore() {
    String user = "modtests-" + UUID.randomUUID();
    String laptop = "modtests-" + UUID.randomUUID();
    String phone = "modtests-" + UUID.randomUUID();
    Instant now = Instant.now();
    String laptopToken = TOKENS.sign(SignedTokens.access(user, laptop, now).build());
    String phoneToken = TOKENS.sign(SignedTokens.access(user, phone, now).build());
    TokenVerifier verifier =
        new TokenVerifier(TOKENS.publicKey(), Clock.systemUTC(), new Revocations(redis));
    assertThat(verifier.verifyAccess(laptopToken)).as("verified, and now remembered").isPresent();

    new Revocations(redis).revokeSession(laptop);

    awaitRefused(verifier, laptopToken);
    assertThat(verifier.verify(laptopToken, Tokens.ACCESS)).isEmpty();
    assertThat(verifier.verifyAccess(phoneToken)).as("the other session goes on").isPresent();
  }

  @Test
  void revokingAUserRefusesTokensOfEarlierSecondsOnly() throws Exception {
    String user = "modtests-" + UUID.randomUUID();
    Instant earlier = Instant.now().minusSeconds(60);
    String old = TOKENS.sign(SignedTokens.access(user, null, earlier).build());
    TokenVerifier verifier =
        new TokenVerifier(TOKENS.publicKey(), Clock.systemUTC(), new Revocations(redis));
    assertThat(verifier.verifyAccess(old)).isPresent();

    new Revocations(redis).revokeUser(user);
    awaitRefused(verifier, old);

    Thread.sleep(1000 - Instant.now().toEpochMilli() % 1000 + 10); // the next whole second
    String fresh = TOKENS.sign(SignedTokens.access(user, null, Instant.now()).build());
    assertThat(verifier.verifyAccess(fresh)).as("a login after the revocation").isPresent();
  }

  private static void awaitRefused(TokenVerifier verifier, String token) {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (verifier.verifyAccess(token).isPresent()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("still accepted 5 s after its revocation");
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
