package io.chatapp.system.drills;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.chatapp.system.Stack;
import io.chatapp.system.UserApi;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * Drill 2: Redis stopped for 10 s while people chat, and started again with its data gone. Login
 * answers 503 meanwhile; every accepted message still reaches its recipient, on the open socket or
 * by catching up after the server closed the socket (1012) once the real-time channel was back;
 * nobody is logged out (refresh tokens are kept in MongoDB); the first login after the restart
 * works (no stale pooled connection). Redis is a service of this machine that others use too: it is
 * started again, with the settings it had, whatever happens.
 */
class RedisOutageDrillIT {

  /** The settings Redis is started again with, as {@code CONFIG GET} read them before. */
  private static final List<String> KEPT =
      List.of(
          "port",
          "bind",
          "save",
          "appendonly",
          "dir",
          "dbfilename",
          "logfile",
          "pidfile",
          "maxmemory",
          "maxmemory-policy",
          "databases",
          "protected-mode");

  @Test
  void nothingIsLostAndNobodyIsLoggedOutWhenRedisLosesItsData() throws Exception {
    assumeTrue(Drills.onPath("redis-server"), "redis-server is not installed here");
    URI redisUrl = URI.create(System.getenv().getOrDefault("REDIS_URL", "redis://localhost:6379"));
    assumeTrue(
        "localhost".equals(redisUrl.getHost()) || "127.0.0.1".equals(redisUrl.getHost()),
        "Redis is not on this machine");
    Map<String, String> settings = settings(redisUrl);

    List<UserApi.Session> sessions = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      sessions.add(UserApi.logIn(UserApi.newEmail("drill-redis")));
    }
    Map<Integer, Integer> loginsWhileDown = new TreeMap<>();
    Chatter.Tally tally;
    double recovered;
    int firstLogin;
    try (Chatter chatter = Chatter.start("redis-loss", 10, Duration.ofMillis(100))) {
      Thread.sleep(3000);
      long back;
      try {
        try (Jedis redis = new Jedis(redisUrl)) {
          redis.flushAll();
          redis.shutdown(); // SHUTDOWN: with no persistence configured, the data is gone
        } catch (Exception e) {
          // the connection closes under the shutdown
        }
        for (int i = 0; i < 5; i++) {
          HttpResponse<String> login = UserApi.login(UserApi.newEmail("drill-redis-down"));
          loginsWhileDown.merge(login.statusCode(), 1, Integer::sum);
          Thread.sleep(2000);
        }
      } finally {
        start(settings);
        back = System.nanoTime();
      }
      Stack.awaitPort(redisUrl.getPort(), Duration.ofSeconds(30), "Redis");
      firstLogin = UserApi.login(UserApi.newEmail("drill-redis-back")).statusCode();
      Stack.awaitReady(Drills.RECOVERY);
      recovered = Drills.since(back);
      Thread.sleep(5000);
      tally = chatter.finish(Duration.ofSeconds(60));
    }
    int stillLoggedIn = 0;
    for (UserApi.Session session : sessions) {
      HttpResponse<String> refreshed =
          UserApi.get("/auth/refresh", "Cookie", session.cookieHeader());
      if (refreshed.statusCode() == 200) {
        stillLoggedIn++;
      }
    }
    Drills.report(
        tally.line(recovered)
            + String.format(
                ", logins while down %s, first login after %d, sessions still logged in %d of %d",
                loginsWhileDown, firstLogin, stillLoggedIn, sessions.size()));
    Drills.assertHeld(tally);
    assertThat(loginsWhileDown).as("logins while Redis is down").containsOnlyKeys(503);
    assertThat(firstLogin).as("the first login once Redis is back").isEqualTo(200);
    assertThat(stillLoggedIn).as("sessions that survive Redis losing its data").isEqualTo(5);
  }

  private static Map<String, String> settings(URI url) {
    Map<String, String> settings = new LinkedHashMap<>();
    try (Jedis redis = new Jedis(url)) {
      for (String name : KEPT) {
        Map<String, String> value = redis.configGet(name);
        if (value.containsKey(name)) {
          settings.put(name, value.get(name));
        }
      }
    }
    return settings;
  }

  /** {@code redis-server} with the settings it had, in the background. */
  private static void start(Map<String, String> settings) {
    List<String> command = new ArrayList<>(List.of("redis-server", "--daemonize", "yes"));
    settings.forEach(
        (name, value) -> {
          command.add("--" + name);
          if (name.equals("bind") || (name.equals("save") && !value.isBlank())) {
            command.addAll(List.of(value.trim().split("\\s+")));
          } else {
            command.add(value);
          }
        });
    Drills.run(command.toArray(String[]::new));
  }
}
