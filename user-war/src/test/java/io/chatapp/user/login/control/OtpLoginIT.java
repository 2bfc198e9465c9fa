package io.chatapp.user.login.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatapp.platform.amqp.BrokerConnection;
import io.chatapp.platform.amqp.BrokerPublisher;
import io.chatapp.platform.errors.DependencyUnavailableException;
import io.chatapp.platform.errors.Refusal;
import io.chatapp.platform.mongo.MongoConnection;
import io.chatapp.platform.redis.RedisConnection;
import io.chatapp.platform.rest.RefusalMapper;
import io.chatapp.user.RealRedis;
import io.chatapp.user.login.entity.CodeCheck;
import io.chatapp.user.login.entity.Email;
import io.chatapp.user.login.entity.Otp;
import io.chatapp.user.profile.control.UserStore;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Asking for a code when the broker cannot take the mail: 503, and Redis is left as if nothing was
 * asked (no code, no cooldown), so the person can ask again at once.
 */
class OtpLoginIT {

  static final String CLIENT = "client-" + UUID.randomUUID();
  static RedisConnection redis;
  static ExecutorService executor = Executors.newCachedThreadPool();
  static ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

  @BeforeAll
  static void connect() {
    redis = RealRedis.connect();
  }

  @AfterAll
  static void disconnect() {
    redis.close();
    executor.shutdownNow();
    scheduler.shutdownNow();
  }

  static OtpLogin loginThrough(BrokerConnection broker) {
    OtpMailer mailer = new OtpMailer();
    mailer.broker = broker;
    mailer.publisher = new BrokerPublisher(broker, 1000);
    OtpLogin login = new OtpLogin();
    login.codes = new OtpStore(redis);
    login.limits = new LoginLimits(redis, 600, 600, 100);
    login.mailer = mailer;
    return login;
  }

  @Test
  void aMailThatCannotBePublishedLeavesNothingBehind() {
    BrokerConnection deadBroker =
        new BrokerConnection(
            "amqp://guest:guest@127.0.0.1:1",
            executor,
            scheduler,
            Executors.defaultThreadFactory());
    Email email = new Email("broker-down-" + UUID.randomUUID() + "@example.com");

    assertThatThrownBy(() -> loginThrough(deadBroker).sendCode(email, CLIENT))
        .isInstanceOf(DependencyUnavailableException.class);

    assertThat(redis.<Boolean>call(jedis -> jedis.exists(OtpStore.codeKey(email)))).isFalse();
    assertThat(redis.<Boolean>call(jedis -> jedis.exists(OtpStore.cooldownKey(email)))).isFalse();
  }

  @Test
  void aCodeThatMatchedWhileMongoDbWasDownStaysUsable() {
    Email email = new Email("mongo-down-" + UUID.randomUUID() + "@example.com");
    OtpStore codes = new OtpStore(redis);
    codes.issue(email, new Otp("12345678"));
    OtpLogin login = new OtpLogin();
    login.codes = codes;
    login.limits = new LoginLimits(redis, 600, 600, 100);
    MongoConnection deadMongo = new MongoConnection("mongodb://127.0.0.1:1", "none");
    try {
      login.users = new UserStore(deadMongo);

      assertThatThrownBy(() -> login.verify(email, "12345678", CLIENT))
          .isInstanceOf(DependencyUnavailableException.class);
    } finally {
      deadMongo.close();
    }

    assertThat(codes.check(email, "12345678")).isEqualTo(CodeCheck.MATCHED);
    assertThat(codes.use(email, new Otp("12345678"))).isTrue();
    redis.call(jedis -> jedis.del(OtpStore.cooldownKey(email)));
  }

  @Test
  void aClientAskingForTooManyCodesGets429WithRetryAfterAndOthersDoNot() {
    LoginLimits limits = new LoginLimits(redis, 6, 3, 5);
    String flooder = "flooder-" + UUID.randomUUID();
    for (int i = 0; i < 3; i++) {
      limits.askForCode(flooder);
    }
    assertThatThrownBy(() -> limits.askForCode(flooder))
        .isInstanceOfSatisfying(
            Refusal.class,
            e -> {
              assertThat(RefusalMapper.response(e).getStatus()).isEqualTo(429);
              assertThat(RefusalMapper.response(e).getHeaderString("Retry-After")).isEqualTo("10");
            });
    limits.askForCode("someone-else-" + UUID.randomUUID());
  }

  @Test
  void wrongCodesPastTheFreeOnesMakeTheClientWaitLongerEachTime() {
    LoginLimits limits = new LoginLimits(redis, 600, 600, 2);
    String guesser = "guesser-" + UUID.randomUUID();
    limits.wrongCode(guesser);
    limits.requireMayTry(guesser);
    limits.wrongCode(guesser);
    assertThat(retryAfter(() -> limits.requireMayTry(guesser))).isEqualTo(30);
    limits.wrongCode(guesser);
    assertThat(retryAfter(() -> limits.requireMayTry(guesser))).isEqualTo(60);
    limits.requireMayTry("someone-else-" + UUID.randomUUID());
  }

  private static long retryAfter(Runnable call) {
    try {
      call.run();
    } catch (Refusal e) {
      assertThat(RefusalMapper.response(e).getStatus()).isEqualTo(429);
      return Long.parseLong(RefusalMapper.response(e).getHeaderString("Retry-After"));
    }
    throw new AssertionError("not refused");
  }

  @Test
  void theMailSaysTheCodeAndHowLongItLasts() {
    String body = OtpMailer.body(new Otp("01234567"));
    assertThat(body).contains("01234567").contains("5 minutes");
  }
}
