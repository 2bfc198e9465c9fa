package io.chatapp.platform.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * {@link RedisConnection}'s pool on the real Redis: busy threads keep the connections they warmed
 * up instead of closing and opening one per command (commons-pool's default of 8 idle did that past
 * the 8th thread).
 */
class RedisConnectionIT {

  private static final int THREADS = 24;
  private static final int CALLS = 400;

  static RedisConnection redis;

  /** Redis' own statistics, read on a connection of their own. */
  static Jedis stats;

  @BeforeAll
  static void open() {
    String url = System.getenv("REDIS_URL");
    url = url == null || url.isBlank() ? "redis://localhost:6379" : url;
    redis = new RedisConnection(url);
    stats = new Jedis(URI.create(url));
  }

  @AfterAll
  static void close() {
    redis.close();
    stats.close();
  }

  @Test
  void busyThreadsReuseTheirConnections() throws Exception {
    String key = "test:pool:" + UUID.randomUUID();
    try {
      busy(key); // the pool opens what this many threads need
      long before = connectionsReceived();
      busy(key);
      long opened = connectionsReceived() - before;
      System.out.printf(
          "%d threads x %d commands on a warm pool opened %d connections%n",
          THREADS, CALLS, opened);
      // a few are allowed for other clients of the same Redis meanwhile
      assertThat(opened).isLessThan(5);
      String counted = redis.call(jedis -> jedis.get(key));
      assertThat(counted).isEqualTo("" + 2L * THREADS * CALLS);
    } finally {
      stats.del(key);
    }
  }

  private static void busy(String key) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(THREADS);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      done.add(
          threads.submit(
              () -> {
                start.await();
                for (int i = 0; i < CALLS; i++) {
                  redis.call(jedis -> jedis.incr(key));
                }
                return null;
              }));
    }
    start.countDown();
    for (Future<?> each : done) {
      each.get();
    }
    threads.shutdown();
  }

  private static long connectionsReceived() {
    return stats
        .info("stats")
        .lines()
        .filter(line -> line.startsWith("total_connections_received:"))
        .map(line -> Long.parseLong(line.substring(line.indexOf(':') + 1).trim()))
        .findFirst()
        .orElseThrow();
  }
}
