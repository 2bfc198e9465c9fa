package io.chatapp.chat.common.control;

import io.chatapp.chat.users.entity.UserId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link TokenBucket} per user, for a limit kept on one instance: {@code perSecond} tokens a
 * second, holding at most {@code burst}. The buckets of users who stopped are forgotten once full
 * again (forgetting a full bucket changes nothing), at most once a second and only past {@value
 * #FORGET_ABOVE} users, so memory follows the users active now.
 */
public final class UserBudgets {

  static final int FORGET_ABOVE = 10_000;

  /**
   * What {@link #take} found: a token taken, else how long until one, and whether the refusals
   * began now.
   */
  public record Take(boolean taken, long nanosUntilToken, boolean firstRefusal) {}

  private final double perSecond;
  private final int burst;
  private final Map<UserId, Budget> budgets = new ConcurrentHashMap<>();
  private final AtomicLong forgotAt = new AtomicLong(System.nanoTime());

  private static final class Budget {
    final TokenBucket bucket;
    boolean refusing;

    Budget(TokenBucket bucket) {
      this.bucket = bucket;
    }
  }

  public UserBudgets(double perSecond, int burst) {
    this.perSecond = perSecond;
    this.burst = burst;
  }

  /** Takes a token of the user's, if there is one. */
  public Take take(UserId user) {
    long now = System.nanoTime();
    forgetFull(now);
    Budget budget =
        budgets.computeIfAbsent(user, u -> new Budget(new TokenBucket(perSecond, burst, now)));
    synchronized (budget) {
      if (budget.bucket.tryTake(now)) {
        budget.refusing = false;
        return new Take(true, 0, false);
      }
      boolean first = !budget.refusing;
      budget.refusing = true;
      return new Take(false, budget.bucket.nanosUntilToken(now), first);
    }
  }

  private void forgetFull(long now) {
    long last = forgotAt.get();
    if (budgets.size() > FORGET_ABOVE
        && now - last > 1_000_000_000L
        && forgotAt.compareAndSet(last, now)) {
      budgets.values().removeIf(budget -> isFull(budget, now));
    }
  }

  private static boolean isFull(Budget budget, long now) {
    synchronized (budget) {
      return budget.bucket.isFull(now);
    }
  }
}
