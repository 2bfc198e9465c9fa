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
import java.util.Optional;
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

  private Optional<Otp> issue(String code) {
    return store.issue(email, new Otp(code)).code();
  }

  @Test
  void issuingKeepsTheCodeForFiveMinutesAndBlocksASecondMailForAMinute() {
    assertThat(issue("12345678")).contains(new Otp("12345678"));

    Map<String, String> kept = redis.call(jedis -> jedis.hgetAll("otp:" + email.value()));
    assertThat(kept).containsEntry("code", "12345678").containsEntry("tries", "0");
    assertThat(redis.<Long>call(jedis -> jedis.ttl("otp:" + email.value()))).isBetween(295L, 300L);
    assertThat(redis.<Long>call(jedis -> jedis.ttl("otp:cooldown:" + email.value())))
        .isBetween(55L, 60L);

    OtpStore.Issue refused = store.issue(email, new Otp("87654321"));
    assertThat(refused.code()).isEmpty();
    assertThat(refused.retryAfter()).isBetween(Duration.ofSeconds(55), Duration.ofSeconds(60));
    assertThat(redis.<String>call(jedis -> jedis.hget("otp:" + email.value(), "code")))
        .as("the refused request changed nothing")
        .isEqualTo("12345678");
  }

  @Test
  void askingAgainAfterTheCooldownMailsTheSameCodeSoTheMailboxKeepsWorking() {
    issue("11111111");
    redis.call(jedis -> jedis.del(OtpStore.cooldownKey(email)));
    assertThat(store.issue(email, new Otp("22222222")).code()).contains(new Otp("11111111"));
    assertThat(store.check(email, "11111111")).isEqualTo(CodeCheck.MATCHED);
  }

  @Test
  void aCodeThatExpiredIsReplacedByANewOne() {
    issue("11111111");
    redis.call(jedis -> jedis.del(OtpStore.codeKey(email), OtpStore.cooldownKey(email)));
    assertThat(issue("22222222")).contains(new Otp("22222222"));
    assertThat(store.check(email, "22222222")).isEqualTo(CodeCheck.MATCHED);
  }

  @Test
  void theRightCodeWorksOnce() {
    issue("12345678");
    assertThat(store.check(email, "12345678")).isEqualTo(CodeCheck.MATCHED);
    assertThat(store.use(email, new Otp("12345678"))).isTrue();
    assertThat(store.check(email, "12345678")).isEqualTo(CodeCheck.NONE);
    assertThat(store.use(email, new Otp("12345678"))).isFalse();
    assertThat(redis.<Boolean>call(jedis -> jedis.exists("otp:" + email.value()))).isFalse();
  }

  @Test
  void pastItsTriesAnEightDigitCodeIsReplacedByALongOneThatTheNextAskMails() {
    issue("12345678");
    for (int i = 0; i < OtpStore.SHORT_CODE_TRIES; i++) {
      assertThat(store.check(email, "00000000")).isEqualTo(CodeCheck.WRONG);
    }
    assertThat(store.check(email, "12345678"))
        .as("its tries are used up: not even the right code is compared")
        .isEqualTo(CodeCheck.REPLACED);
    assertThat(store.check(email, "12345678"))
        .as("the owner typing the code of her first mail is told to read the newest")
        .isEqualTo(CodeCheck.REPLACED);

    Otp mailed = store.issue(email, new Otp("99999999")).code().orElseThrow();
    assertThat(mailed.isLong()).as("the cooldown was lifted, and the long code is mailed").isTrue();
    assertThat(mailed.display()).matches("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}");
    assertThat(redis.<Long>call(jedis -> jedis.ttl(OtpStore.codeKey(email))))
        .as("a full life from the replacement")
        .isBetween(295L, 300L);
    assertThat(store.issue(email, new Otp("88888888")).code())
        .as("the cooldown holds again")
        .isEmpty();

    for (int i = 0; i < 50; i++) {
      assertThat(store.check(email, "ABCD-EFGH-JKM0")).isEqualTo(CodeCheck.WRONG); // no 0 in one
    }
    assertThat(store.check(email, mailed.display().toLowerCase()))
        .as("no wrong tries stop the long code: it has no shared limit")
        .isEqualTo(CodeCheck.MATCHED);
    assertThat(store.check(email, mailed.code())).isEqualTo(CodeCheck.MATCHED);
    assertThat(store.use(email, mailed)).isTrue();
    assertThat(store.check(email, mailed.code())).isEqualTo(CodeCheck.NONE);
  }

  @Test
  void theOwnersRightCodeWorksWhileTriesAreLeft() {
    issue("12345678");
    for (int i = 0; i < OtpStore.SHORT_CODE_TRIES - 1; i++) {
      assertThat(store.check(email, "00000000")).isEqualTo(CodeCheck.WRONG);
    }
    assertThat(store.check(email, "1234-5678")).isEqualTo(CodeCheck.MATCHED);
  }

  @Test
  void anAskFromAnyoneAfterTheReplacementMailsTheLongCodeToTheOwner() {
    issue("12345678");
    for (int i = 0; i <= OtpStore.SHORT_CODE_TRIES; i++) {
      store.check(email, "00000000");
    }
    Otp first = store.issue(email, new Otp("11111111")).code().orElseThrow();
    redis.call(jedis -> jedis.del(OtpStore.cooldownKey(email)));
    assertThat(store.issue(email, new Otp("22222222")).code())
        .as("asked again: the same long code, so the mailbox keeps working")
        .contains(first);
  }

  @Test
  void aMatchThatIsNotUsedLeavesTheCodeUsable() {
    issue("12345678");
    assertThat(store.check(email, "12345678")).isEqualTo(CodeCheck.MATCHED);
    assertThat(store.check(email, "12345678")).isEqualTo(CodeCheck.MATCHED);
    assertThat(store.use(email, new Otp("12345678"))).isTrue();
  }

  @Test
  void noCodeWithoutAsking() {
    assertThat(store.check(email, "12345678")).isEqualTo(CodeCheck.NONE);
  }

  @Test
  void anExpiredCodeIsGone() {
    issue("12345678");
    redis.call(jedis -> jedis.pexpire(OtpStore.codeKey(email), 1));
    sleep(20);
    assertThat(store.check(email, "12345678")).isEqualTo(CodeCheck.NONE);
  }

  @Test
  void withdrawingANewCodeUndoesTheIssue() {
    Otp otp = new Otp("12345678");
    store.issue(email, otp);
    store.withdraw(email, otp, true);
    assertThat(redis.<Boolean>call(jedis -> jedis.exists(OtpStore.codeKey(email)))).isFalse();
    assertThat(redis.<Boolean>call(jedis -> jedis.exists(OtpStore.cooldownKey(email)))).isFalse();
    assertThat(issue("87654321")).contains(new Otp("87654321"));
  }

  @Test
  void withdrawingAResentCodeKeepsIt() {
    issue("12345678");
    redis.call(jedis -> jedis.del(OtpStore.cooldownKey(email)));
    store.withdraw(email, new Otp("12345678"), false);
    assertThat(store.check(email, "12345678")).isEqualTo(CodeCheck.MATCHED);
  }

  @Test
  void concurrentGuessesAreComparedAtMostTheCodesTries() throws Exception {
    issue("12345678");
    SecureRandom random = new SecureRandom();
    List<Callable<CodeCheck>> guesses = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      String guess = String.format("%08d", random.nextInt(12_400_000, 99_999_999));
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
    assertThat(outcomes).filteredOn(o -> o == CodeCheck.WRONG).hasSize(OtpStore.SHORT_CODE_TRIES);
    assertThat(outcomes)
        .filteredOn(o -> o == CodeCheck.REPLACED)
        .hasSize(40 - OtpStore.SHORT_CODE_TRIES);
  }

  @Test
  void concurrentRightAnswersSucceedOnce() throws Exception {
    Otp otp = new Otp("12345678");
    store.issue(email, otp);
    ExecutorService pool = Executors.newFixedThreadPool(10);
    List<Callable<Boolean>> tries = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      tries.add(() -> store.check(email, "12345678") == CodeCheck.MATCHED && store.use(email, otp));
    }
    List<Boolean> outcomes = new ArrayList<>();
    try {
      for (Future<Boolean> outcome : pool.invokeAll(tries)) {
        outcomes.add(outcome.get());
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(outcomes).containsOnlyOnce(true);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
