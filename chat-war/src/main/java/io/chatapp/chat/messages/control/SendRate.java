package io.chatapp.chat.messages.control;

import io.chatapp.chat.common.control.TokenBucket;
import io.chatapp.chat.users.entity.UserId;
import io.chatapp.platform.errors.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How fast one user may send: {@code messages.per-user-per-second} on average, in bursts of up to
 * {@code messages.per-user-burst}, on each instance. Past that a send is a 429 with {@code
 * Retry-After}, logged once per user until they slow down. The buckets of users who stopped sending
 * are forgotten once full again, so memory follows the users sending now.
 */
@ApplicationScoped
public class SendRate {

  private static final Logger LOG = Logger.getLogger(SendRate.class.getName());
  private static final int FORGET_ABOVE = 10_000;

  @Inject
  @ConfigProperty(name = "messages.per-user-per-second", defaultValue = "20")
  double perSecond;

  @Inject
  @ConfigProperty(name = "messages.per-user-burst", defaultValue = "40")
  int burst;

  private final Map<UserId, Limited> buckets = new ConcurrentHashMap<>();
  private final AtomicLong forgotAt = new AtomicLong(System.nanoTime());

  private static final class Limited {
    final TokenBucket bucket;
    boolean refusing;

    Limited(TokenBucket bucket) {
      this.bucket = bucket;
    }
  }

  public SendRate() {}

  /** For use outside the container (tests, benchmarks). */
  public SendRate(double perSecond, int burst) {
    this.perSecond = perSecond;
    this.burst = burst;
  }

  /** Counts one send of the user's, or refuses it with 429 when they send too fast. */
  public void take(UserId user) {
    long now = System.nanoTime();
    long last = forgotAt.get();
    if (buckets.size() > FORGET_ABOVE
        && now - last > 1_000_000_000L
        && forgotAt.compareAndSet(last, now)) {
      buckets.values().removeIf(limited -> isFull(limited, now));
    }
    Limited limited =
        buckets.computeIfAbsent(user, u -> new Limited(new TokenBucket(perSecond, burst, now)));
    long wait;
    synchronized (limited) {
      if (limited.bucket.tryTake(now)) {
        limited.refusing = false;
        return;
      }
      wait = limited.bucket.nanosUntilToken(now);
      if (!limited.refusing) {
        limited.refusing = true;
        LOG.info(
            () ->
                "User " + user + " sends faster than " + perSecond + " messages a second: refused");
      }
    }
    throw Refusal.tooManyRequests(
        "You are sending messages too fast; try again shortly",
        Duration.ofSeconds(Math.max(1, (long) Math.ceil(wait / 1e9))));
  }

  private static boolean isFull(Limited limited, long now) {
    synchronized (limited) {
      return limited.bucket.isFull(now);
    }
  }
}
