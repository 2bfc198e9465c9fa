package io.chatapp.user;

import io.chatapp.platform.redis.RedisConnection;

/** The Redis the integration tests use: {@code REDIS_URL}, else the local default. */
public final class RealRedis {

  private RealRedis() {}

  public static RedisConnection connect() {
    String url = System.getenv("REDIS_URL");
    return new RedisConnection(url == null || url.isBlank() ? "redis://localhost:6379" : url);
  }
}
