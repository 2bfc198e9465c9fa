package io.chatapp.user.support;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import io.chatapp.platform.mail.OtpMailQueue;
import io.chatapp.testsupport.DeploymentSettings;
import io.chatapp.testsupport.InContainer;
import io.chatapp.testsupport.LoginBackends;
import io.chatapp.testsupport.SharedFixtures;
import io.chatapp.testsupport.TestRedis;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * What a deployed user-war needs, made once per test JVM: the embedded MongoDB-compatible server in
 * memory, a key pair of the run's own (user-war signs with its private key), a RabbitMQ virtual
 * host of the run's own, where the test reads the {@code send-otp} queue in mail-war's place, and
 * Redis database {@value #REDIS_DATABASE}. Removed when the JVM ends: the virtual host with its
 * queues, the keys naming this run's addresses. What else is left in that database goes by itself:
 * the per-client limit bucket expires, and a logout's entry in {@code auth:revoked} stops counting
 * after 16 minutes and is pruned by the next revocation.
 */
public final class UserServiceBed implements AutoCloseable {

  /** The Redis database of user-war's in-container tests (chat-war's use 13). */
  static final int REDIS_DATABASE = 12;

  /** The web UI's origin as the deployment is told it: cookie changes are accepted from it. */
  public static final String UI_ORIGIN = LoginBackends.UI_ORIGIN;

  private static final Pattern CODE = Pattern.compile("(?<!\\d)\\d{8}(?!\\d)");

  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private final LoginBackends backends = new LoginBackends("user-it", REDIS_DATABASE);

  private UserServiceBed() {}

  public static UserServiceBed get() {
    return SharedFixtures.of(UserServiceBed.class, UserServiceBed::new);
  }

  /** The user-war WAR this build packaged, with this bed's settings. */
  public static WebArchive deployment() {
    return InContainer.builtWar(get().settings());
  }

  /** An address of this run's own. */
  public String email(String name) {
    return name + "-" + run + "@example.com";
  }

  /** An access token of this user signed with the key the deployment signs with. */
  public String token(String userId, Duration lifetime) {
    return backends.tokens.access(userId, lifetime);
  }

  /**
   * The code in the mail user-war handed to the broker for this address, taken off {@code send-otp}
   * as mail-war would; requests for other addresses are dropped.
   */
  public String mailedCode(String email, Duration within) throws Exception {
    long deadline = System.nanoTime() + within.toNanos();
    try (Connection connection = backends.vhost.connect("user-it-mailbox");
        Channel channel = connection.createChannel()) {
      while (System.nanoTime() < deadline) {
        GetResponse mail = channel.basicGet(OtpMailQueue.SEND_OTP.name(), true);
        if (mail == null) {
          Thread.sleep(20);
          continue;
        }
        String body = new String(mail.getBody(), StandardCharsets.UTF_8);
        Matcher code = CODE.matcher(body);
        if (body.contains("\"to\":\"" + email + "\"") && code.find()) {
          return code.group();
        }
      }
    }
    throw new AssertionError("No code was handed to the broker for " + email + " in " + within);
  }

  private DeploymentSettings settings() {
    return backends.settings().with("jwt.private.key", backends.tokens.privateKeyPem());
  }

  @Override
  public void close() {
    backends.close();
    TestRedis.deleteKeys(REDIS_DATABASE, List.of("*" + run + "*"));
  }
}
