package io.chatapp.user.login.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatapp.platform.amqp.BrokerConnection;
import io.chatapp.platform.amqp.BrokerPublisher;
import io.chatapp.platform.mongo.MongoConnection;
import io.chatapp.platform.redis.RedisConnection;
import io.chatapp.platform.rest.DependencyUnavailableException;
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

    assertThatThrownBy(() -> loginThrough(deadBroker).sendCode(email))
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
    MongoConnection deadMongo = new MongoConnection("mongodb://127.0.0.1:1", "none");
    try {
      login.users = new UserStore(deadMongo);

      assertThatThrownBy(() -> login.verify(email, "12345678"))
          .isInstanceOf(DependencyUnavailableException.class);
    } finally {
      deadMongo.close();
    }

    assertThat(codes.check(email, "12345678")).isEqualTo(CodeCheck.MATCHED);
    assertThat(codes.use(email, new Otp("12345678"))).isTrue();
    redis.call(jedis -> jedis.del(OtpStore.cooldownKey(email)));
  }

  @Test
  void theMailSaysTheCodeAndHowLongItLasts() {
    String body = OtpMailer.body(new Otp("01234567"));
    assertThat(body).contains("01234567").contains("5 minutes");
  }
}
