package io.chatapp.chat.realtime.control;

import io.chatapp.chat.common.control.TokenBucket;
import io.chatapp.chat.users.entity.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How often one user's sockets may have {@code user:joined:room} announced to the other members of
 * a chat, on this instance: a token bucket per user of {@code ws.announcements-per-second}, holding
 * {@code ws.announcement-burst}. The frame budget bounds what each socket sends, not what its
 * frames fan out to: {@code join:chat} then {@code leave:chat} again and again, 20 frames a second
 * on each of a user's 20 sockets, announced a join to every member of a 256-member group each time
 * (about 50,000 frames a second). Past the budget the socket still joins; only the announcement,
 * which the web page does not show, is left out.
 */
@ApplicationScoped
public class Announcements {

  private static final Logger LOG = Logger.getLogger(Announcements.class.getName());

  @Inject
  @ConfigProperty(name = "ws.announcements-per-second", defaultValue = "2")
  double perSecond;

  @Inject
  @ConfigProperty(name = "ws.announcement-burst", defaultValue = "10")
  int burst;

  private final Map<UserId, TokenBucket> buckets = new ConcurrentHashMap<>();

  public Announcements() {}

  /** For use outside the container (tests). */
  public Announcements(double perSecond, int burst) {
    this.perSecond = perSecond;
    this.burst = burst;
  }

  /** Whether an announcement of the user's may go out now (it is counted if so). */
  public boolean mayAnnounce(UserId user) {
    long now = System.nanoTime();
    boolean[] taken = new boolean[1];
    buckets.compute(
        user,
        (u, bucket) -> {
          TokenBucket current = bucket == null ? new TokenBucket(perSecond, burst, now) : bucket;
          taken[0] = current.tryTake(now);
          return current;
        });
    if (!taken[0]) {
      LOG.fine(() -> "Announcements of " + user + " past their budget are left out");
    }
    return taken[0];
  }

  /** Forgets the users whose budget is whole again: forgetting them changes nothing. */
  void forgetIdle() {
    long now = System.nanoTime();
    for (UserId user : buckets.keySet()) {
      buckets.computeIfPresent(user, (u, bucket) -> bucket.isFull(now) ? null : bucket);
    }
  }
}
