package io.chatapp.platform.auth;

import io.chatapp.platform.redis.ChannelFollower;
import io.chatapp.platform.redis.RedisConnection;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sessions ended before their access tokens expire (logout, a refresh token used twice), followed
 * by every service without a Redis round trip per request: each revocation is kept in the sorted
 * set {@code auth:revoked} for as long as an access token lives and announced on the channel of the
 * same name; each service loads the set when it (re)subscribes and then follows the channel, so the
 * check itself is a look-up in memory. An entry is a session ({@code sid:<sid>}) or everything a
 * user had been issued until then ({@code user:<userId>:<epoch ms>}).
 */
@ApplicationScoped
public class Revocations {

  private static final Logger LOG = Logger.getLogger(Revocations.class.getName());
  static final String KEY = "auth:revoked";

  /** As long as an access token lives: a revocation older than that has nothing left to stop. */
  public static final Duration KEPT = Duration.ofMinutes(16);

  @Inject RedisConnection redis;

  @Inject
  @ConfigProperty(name = "auth.follow-revocations", defaultValue = "true")
  boolean follow;

  private final Clock clock = Clock.systemUTC();
  private final Map<String, Long> sessions = new ConcurrentHashMap<>();
  private final Map<String, Long> usersBefore = new ConcurrentHashMap<>();
  private final List<Consumer<Revoked>> listeners = new CopyOnWriteArrayList<>();
  private volatile boolean started;
  private ChannelFollower channel;

  /** A revocation as it arrives: a session, or a user's tokens issued up to {@code before}. */
  public record Revoked(String session, String userId, Instant before) {
    /** Whether a token of this session, user and issue time is revoked by this. */
    public boolean covers(String tokenSession, String tokenUser, Instant issuedAt) {
      return session != null
          ? session.equals(tokenSession)
          : userId.equals(tokenUser) && issuedBefore(issuedAt, before.toEpochMilli());
    }
  }

  public Revocations() {}

  /** For use outside the container (tests). */
  public Revocations(RedisConnection redis) {
    this.redis = redis;
    this.follow = true;
  }

  /** Whether a token of this session and user, issued then, was revoked. */
  public boolean isRevoked(String session, String userId, Instant issuedAt) {
    if (!follow) {
      return false;
    }
    start();
    if (session != null && sessions.containsKey(session)) {
      return true;
    }
    Long before = usersBefore.get(userId);
    return before != null && issuedAt != null && issuedBefore(issuedAt, before);
  }

  /**
   * Whether a token was issued before a revocation at {@code beforeMillis}. Tokens carry their
   * issue time in whole seconds, so only those of an earlier second are: a login in the second of
   * the revocation (the user logging in again at once) must work.
   */
  static boolean issuedBefore(Instant issuedAt, long beforeMillis) {
    return issuedAt.getEpochSecond() < Math.floorDiv(beforeMillis, 1000);
  }

  /** Ends a session everywhere. */
  public void revokeSession(String session) {
    publish("sid:" + session);
  }

  /** Ends every session the user has now, everywhere. */
  public void revokeUser(String userId) {
    publish("user:" + userId + ":" + clock.millis());
  }

  /** Tells {@code listener} of each revocation this instance hears of (to close sockets, say). */
  public void onRevoked(Consumer<Revoked> listener) {
    listeners.add(listener);
    start();
  }

  private void publish(String entry) {
    long now = clock.millis();
    redis.call(
        jedis -> {
          jedis.zadd(KEY, now + KEPT.toMillis(), entry);
          jedis.zremrangeByScore(KEY, Double.NEGATIVE_INFINITY, now);
          return jedis.publish(KEY, entry);
        });
    note(entry, now + KEPT.toMillis());
  }

  private void start() {
    if (!started) {
      startOnce();
    }
  }

  /** Loads what is revoked now, then follows the channel on a thread of its own. */
  private synchronized void startOnce() {
    if (started || !follow) {
      return;
    }
    started = true;
    try {
      loadKept();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Could not load the revoked sessions yet: {0}", e.getMessage());
    }
    channel =
        new ChannelFollower(
            redis, KEY, this::loadKept, entry -> note(entry, clock.millis() + KEPT.toMillis()));
    channel.start(
        task -> {
          Thread thread = new Thread(task);
          thread.setDaemon(true);
          return thread;
        },
        "auth-revocations");
  }

  @PreDestroy
  void stop() {
    if (channel != null) {
      channel.stop();
    }
  }

  /** What was revoked while this instance was not listening. */
  private void loadKept() {
    long now = clock.millis();
    redis
        .call(jedis -> jedis.zrangeByScoreWithScores(KEY, now, Double.POSITIVE_INFINITY))
        .forEach(kept -> note(kept.getElement(), (long) kept.getScore()));
  }

  private void note(String entry, long until) {
    long now = clock.millis();
    sessions.values().removeIf(expiry -> expiry < now);
    usersBefore.entrySet().removeIf(e -> e.getValue() + KEPT.toMillis() < now);
    Revoked revoked;
    if (entry.startsWith("sid:")) {
      String session = entry.substring(4);
      sessions.merge(session, until, Math::max);
      revoked = new Revoked(session, null, null);
    } else if (entry.startsWith("user:")) {
      int colon = entry.lastIndexOf(':');
      String user = entry.substring(5, colon);
      long before = Long.parseLong(entry.substring(colon + 1));
      usersBefore.merge(user, before, Math::max);
      revoked = new Revoked(null, user, Instant.ofEpochMilli(before));
    } else {
      return;
    }
    listeners.forEach(listener -> listener.accept(revoked));
  }
}
