package io.chatapp.platform.redis;

import io.chatapp.platform.errors.DependencyUnavailableException;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.function.Function;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheckResponse;
import redis.clients.jedis.Connection;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisConnectionException;

/**
 * The service's one pool of Redis connections ({@code REDIS_URL}). Stores run their commands
 * through {@link #call}, which turns a lost connection into a 503 instead of a 500. The pool
 * reconnects by itself once Redis is back.
 */
@ApplicationScoped
public class RedisConnection {

  @Inject
  @ConfigProperty(name = "redis.url", defaultValue = "redis://localhost:6379")
  String url;

  private JedisPooled jedis;

  public RedisConnection() {}

  /** For use outside the container (tests, tools). */
  public RedisConnection(String url) {
    this.url = url;
    open();
  }

  /**
   * Connections the pool holds. As many are kept idle: with commons-pool's default of 8 idle, a
   * busy moment with more threads on Redis closed every connection returned past the 8th and opened
   * a new one for the next call (JFR at 1,000 msg/s: connects and HELLOs in a tenth of the send's
   * Redis time, and a socket left in TIME_WAIT each).
   */
  private static final int CONNECTIONS = 32;

  @PostConstruct
  void open() {
    GenericObjectPoolConfig<Connection> pool = new GenericObjectPoolConfig<>();
    pool.setMaxTotal(CONNECTIONS);
    pool.setMaxIdle(CONNECTIONS);
    pool.setMaxWait(Duration.ofSeconds(2));
    pool.setTestWhileIdle(true);
    pool.setTimeBetweenEvictionRuns(Duration.ofSeconds(30));
    jedis = new JedisPooled(pool, URI.create(url), 2000);
  }

  @PreDestroy
  public void close() {
    jedis.close();
  }

  /**
   * Runs Redis commands; a connection failure becomes {@link DependencyUnavailableException}.
   *
   * <p>After Redis restarted, every idle connection of the pool is dead, and each would fail one
   * request in turn (for 6 s in a drill). So on a connection failure the pool drops its idle
   * connections and the commands run once more on a fresh one: the first request after a restart
   * succeeds. (A command whose connection broke after Redis ran it would run twice; the commands
   * here are counters and sets, where that once is harmless.)
   */
  public <T> T call(Function<UnifiedJedis, T> commands) {
    try {
      return commands.apply(jedis);
    } catch (JedisConnectionException first) {
      jedis.getPool().clear();
      try {
        return commands.apply(jedis);
      } catch (JedisConnectionException e) {
        throw new DependencyUnavailableException("Redis", e);
      }
    }
  }

  /** Readiness: Redis answers PING. */
  public HealthCheckResponse check() {
    try {
      String pong = jedis.ping();
      return HealthCheckResponse.named("redis").status("PONG".equals(pong)).build();
    } catch (RuntimeException e) {
      return HealthCheckResponse.named("redis")
          .down()
          .withData("error", String.valueOf(e.getMessage()))
          .build();
    }
  }
}
