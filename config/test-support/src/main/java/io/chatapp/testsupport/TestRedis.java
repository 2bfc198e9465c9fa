package io.chatapp.testsupport;

import io.chatapp.platform.redis.RedisConnection;
import java.util.ArrayList;
import java.util.List;

/** Removes what a test run left in the Redis database its deployments used. */
public final class TestRedis {

  private TestRedis() {}

  /** Deletes the keys matching these patterns in that database; nothing when Redis is gone. */
  public static void deleteKeys(int database, List<String> patterns) {
    RedisConnection redis = new RedisConnection(LocalServices.redisUrl(database));
    try {
      for (String pattern : patterns) {
        redis.call(
            jedis -> {
              var keys = jedis.scanIteration(100, pattern).collect(new ArrayList<>());
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
