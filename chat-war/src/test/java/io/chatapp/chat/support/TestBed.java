package io.chatapp.chat.support;

import io.chatapp.chat.users.entity.UserId;
import io.chatapp.devstack.EmbeddedMongo;
import io.chatapp.platform.redis.RedisConnection;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;

/**
 * What a deployed chat-war needs, made once per test JVM and shared by its deployments: the
 * embedded MongoDB-compatible server in memory, user-war played by {@link UserServiceStandIn} (Ann,
 * Bob and Cid), a key pair for access tokens, a RabbitMQ virtual host of this run's own and Redis
 * database {@value #REDIS_DATABASE}. {@link #settings()} is the MicroProfile Config the deployment
 * carries. Everything is removed when the JVM ends, after the containers it served.
 */
public final class TestBed {

  /** The Redis database of in-container tests: keys stay out of a stack's database 0. */
  static final int REDIS_DATABASE = 13;

  /** The web UI's origin as the deployment is told it: cookie logins are accepted from it. */
  public static final String UI_ORIGIN = "http://ui.test";

  private static TestBed running;

  public final UserId ann;
  public final UserId bob;
  public final UserId cid;
  public final TestTokens tokens = new TestTokens();
  private final EmbeddedMongo mongo = EmbeddedMongo.startInMemory();
  private final UserServiceStandIn users;
  private final BrokerVirtualHost vhost = new BrokerVirtualHost();
  private final Path mediaDir;

  private TestBed() throws IOException {
    users = new UserServiceStandIn();
    ann = users.add("Ann");
    bob = users.add("Bob");
    cid = users.add("Cid");
    mediaDir = Files.createTempDirectory("chat-it-media-");
  }

  /** The test bed of this JVM, started by the first deployment that asks. */
  public static synchronized TestBed get() {
    if (running == null) {
      try {
        running = new TestBed();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(running::close, "test-bed-cleanup"));
    }
    return running;
  }

  /**
   * The settings of the deployment, above environment variables and system properties (ordinal
   * 500), so that a {@code REDIS_URL} or {@code MONGODB_URI} of the developer's shell never points
   * a test at a running stack's data.
   */
  public String settings() {
    Properties settings = new Properties();
    settings.setProperty("config_ordinal", "500");
    settings.setProperty("mongodb.uri", mongo.uri());
    settings.setProperty("mongodb.database", "chat");
    settings.setProperty("redis.url", redisUrl());
    settings.setProperty("rabbitmq.url", vhost.url(ChatHarness.brokerUrl()));
    settings.setProperty("jwt.public.key", tokens.publicKeyPem());
    settings.setProperty("user.service.url", users.url());
    settings.setProperty("frontend.url", UI_ORIGIN);
    settings.setProperty("ws.allowed-origins", UI_ORIGIN);
    settings.setProperty("http.allowed-origins", UI_ORIGIN);
    settings.setProperty("media.dir", mediaDir.toString());
    settings.setProperty("chat.public.url", "http://chat.test");
    settings.setProperty("test.user.ann", ann.value());
    settings.setProperty("test.user.bob", bob.value());
    settings.setProperty("test.user.cid", cid.value());
    StringWriter text = new StringWriter();
    try {
      settings.store(text, "in-container test settings");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  static String redisUrl() {
    URI redis = URI.create(ChatHarness.redisUrl());
    return redis.getScheme() + "://" + redis.getRawAuthority() + "/" + REDIS_DATABASE;
  }

  private void close() {
    vhost.close();
    forgetUsersInRedis();
    users.close();
    mongo.close();
    try (var files = Files.walk(mediaDir)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // a temporary folder: the system clears it eventually
    }
  }

  /** Presence and viewing keys name the user; chat sequence counters expire by themselves. */
  private void forgetUsersInRedis() {
    RedisConnection redis = new RedisConnection(redisUrl());
    try {
      for (UserId user : List.of(ann, bob, cid)) {
        redis.call(
            jedis -> {
              var keys =
                  jedis.scanIteration(100, "*" + user.value() + "*").collect(new ArrayList<>());
              return keys.isEmpty() ? 0L : jedis.del(keys.toArray(String[]::new));
            });
      }
    } catch (RuntimeException e) {
      // Redis is gone: nothing to clean
    } finally {
      redis.close();
    }
  }
}
