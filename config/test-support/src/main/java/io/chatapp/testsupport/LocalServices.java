package io.chatapp.testsupport;

import java.net.URI;

/**
 * Where the tests find the Redis and RabbitMQ this machine runs: {@code REDIS_URL} and {@code
 * RABBITMQ_URL}, else the local defaults, as {@code config/start} has them.
 */
public final class LocalServices {

  private LocalServices() {}

  public static String brokerUrl() {
    return env("RABBITMQ_URL", "amqp://guest:guest@localhost:5672");
  }

  /**
   * The Redis of {@code REDIS_URL} with this database index in place of its own: each module's
   * in-container tests keep their keys in a database of their own, out of a stack's database 0.
   */
  public static String redisUrl(int database) {
    URI redis = URI.create(env("REDIS_URL", "redis://localhost:6379"));
    return redis.getScheme() + "://" + redis.getRawAuthority() + "/" + database;
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
