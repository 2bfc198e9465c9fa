package io.chatapp.user.login.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.platform.redis.RedisConnection;
import io.chatapp.user.RealRedis;
import io.chatapp.user.login.entity.CodeCheck;
import io.chatapp.user.login.entity.Email;
import io.chatapp.user.login.entity.Otp;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The OTP store against the real Redis, one fresh address per test. */
class OtpStoreIT {

  static RedisConnection redis;
  OtpStore store;
  Email email;

  @BeforeAll
  static void connect() {
    redis = RealRedis.connect();
  }

  @AfterAll
  static void disconnect() {
    redis.close();
  }

  @BeforeEach
  void freshAddress() {
    store = new OtpStore(redis);
    email = new Email("otp-it-" + UUID.randomUUID() + "@example.com");
  }

  @AfterEach
  void cleanUp() {
    redis.call(jedis -> jedis.del(OtpStore.codeKey(email), OtpStore.cooldownKey(email)));
  }

  @Test
  void issuingKeepsTheCodeForFiveMinutesAndBlocksASecondForAMinute() {
    Otp otp = new Otp("12345678");
    assertThat(store.issue(email, otp)).isEmpty();

    Map<String, String> kept = redis.call(jedis -> jedis.hgetAll("otp:" + email.value()));
    assertThat(kept).containsEntry("code", "12345678").containsEntry("tries", "0");
    assertThat(redis.<Long>call(jedis -> jedis.ttl("otp:" + email.value()))).isBetween(295L, 300L);
    assertThat(redis.<Long>call(jedis -> jedis.ttl("otp:cooldown:" + email.value())))
        .isBetween(55L, 60L);

    assertThat(store.issue(email, new Otp("87654321")))
        .hasValueSatisfying(
            wait -> assertThat(wait).isBetween(Duration.ofSeconds(55), Duration.ofSeconds(60)));
    assertThat(redis.<String>call(jedis -> jedis.hget("otp:" + email.value(), "code")))
        .as("the refused request changed nothing")
        .isEqualTo("12345678");
  }

  @Test
  void aNewCodeAfterTheCooldownReplacesTheOldOneAndItsTries() {
    store.issue(email, new Otp("11111111"));
    store.check(email, "00000000");
    redis.call(jedis -> jedis.del(OtpStore.cooldownKey(email)));

    assertThat(store.issue(email, new Otp("22222222"))).isEmpty();
    assertThat(store.check(email, "11111111")).isEqualTo(CodeCheck.WRONG);
    assertThat(store.check(email, "22222222")).isEqualTo(CodeCheck.ACCEPTED);
  }

  @Test
  void theRightCodeWorksOnce() {
    store.issue(email, new Otp("12345678"));
    assertThat(store.check(email, "12345678")).isEqualTo(CodeCheck.ACCEPTED);
    assertThat(store.check(email, "12345678")).isEqualTo(CodeCheck.NONE);
    assertThat(redis.<Boolean>call(jedis -> jedis.exists("otp:" + email.value()))).isFalse();
  }

  @Test
  void fiveWrongTriesBurnTheCode() {
    store.issue(email, new Otp("12345678"));
    for (int i = 1; i <= 4; i++) {
      assertThat(store.check(email, "00000000")).isEqualTo(CodeCheck.WRONG);
      assertThat(redis.<String>call(jedis -> jedis.hget("otp:" + email.value(), "tries")))
          .isEqualTo(String.valueOf(i));
    }
    assertThat(store.check(email, "00000000")).isEqualTo(CodeCheck.BURNT);
    assertThat(store.check(email, "12345678")).isEqualTo(CodeCheck.NONE);
  }

  @Test
  void fourWrongTriesStillLeaveTheRightOne() {
    store.issue(email, new Otp("12345678"));
    for (int i = 0; i < 4; i++) {
      store.check(email, "00000000");
    }
    assertThat(store.check(email, "12345678")).isEqualTo(CodeCheck.ACCEPTED);
  }

  @Test
  void noCodeWithoutAsking() {
    assertThat(store.check(email, "12345678")).isEqualTo(CodeCheck.NONE);
  }

  @Test
  void anExpiredCodeIsGone() {
    store.issue(email, new Otp("12345678"));
    redis.call(jedis -> jedis.pexpire(OtpStore.codeKey(email), 1));
    sleep(20);
    assertThat(store.check(email, "12345678")).isEqualTo(CodeCheck.NONE);
  }

  @Test
  void withdrawingUndoesTheIssue() {
    Otp otp = new Otp("12345678");
    store.issue(email, otp);
    store.withdraw(email, otp);
    assertThat(redis.<Boolean>call(jedis -> jedis.exists(OtpStore.codeKey(email)))).isFalse();
    assertThat(redis.<Boolean>call(jedis -> jedis.exists(OtpStore.cooldownKey(email)))).isFalse();
    assertThat(store.issue(email, new Otp("87654321"))).isEmpty();
  }

  @Test
  void concurrentGuessesAreComparedAtMostFiveTimes() throws Exception {
    store.issue(email, new Otp("12345678"));
    SecureRandom random = new SecureRandom();
    List<Callable<CodeCheck>> guesses = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      String guess = String.format("%08d", random.nextInt(12_000_000, 99_999_999));
      guesses.add(() -> store.check(email, guess));
    }
    ExecutorService pool = Executors.newFixedThreadPool(20);
    List<CodeCheck> outcomes = new ArrayList<>();
    try {
      for (Future<CodeCheck> outcome : pool.invokeAll(guesses)) {
        outcomes.add(outcome.get());
      }
    } finally {
      pool.shutdownNow();
    }
    long compared = outcomes.stream().filter(o -> o != CodeCheck.NONE).count();
    assertThat(compared).isEqualTo(5);
    assertThat(outcomes).containsOnlyOnce(CodeCheck.BURNT);
    assertThat(store.check(email, "12345678")).isEqualTo(CodeCheck.NONE);
  }

  @Test
  void concurrentRightAnswersSucceedOnce() throws Exception {
    store.issue(email, new Otp("12345678"));
    ExecutorService pool = Executors.newFixedThreadPool(10);
    List<Callable<CodeCheck>> tries = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      tries.add(() -> store.check(email, "12345678"));
    }
    List<CodeCheck> outcomes = new ArrayList<>();
    try {
      for (Future<CodeCheck> outcome : pool.invokeAll(tries)) {
        outcomes.add(outcome.get());
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(outcomes).containsOnlyOnce(CodeCheck.ACCEPTED);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
