package io.chatapp.chat.common.control;

/**
 * A token bucket: {@code perSecond} tokens a second, holding at most {@code burst}. Not thread-safe
 * on its own; its owner takes it under a lock or from one thread at a time.
 */
public final class TokenBucket {

  private final double perNano;
  private final double burst;
  private double tokens;
  private long refilledAt;

  public TokenBucket(double perSecond, double burst, long nowNanos) {
    this.perNano = perSecond / 1e9;
    this.burst = burst;
    this.tokens = burst;
    this.refilledAt = nowNanos;
  }

  /** Takes a token if there is one. */
  public boolean tryTake(long nowNanos) {
    refill(nowNanos);
    if (tokens >= 1) {
      tokens -= 1;
      return true;
    }
    return false;
  }

  /** Nanoseconds until a token is there (0 when there is one now). */
  public long nanosUntilToken(long nowNanos) {
    refill(nowNanos);
    return tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) / perNano);
  }

  /** Whether the bucket is full, so that forgetting it changes nothing. */
  public boolean isFull(long nowNanos) {
    refill(nowNanos);
    return tokens >= burst;
  }

  private void refill(long nowNanos) {
    long elapsed = nowNanos - refilledAt;
    if (elapsed > 0) {
      tokens = Math.min(burst, tokens + elapsed * perNano);
      refilledAt = nowNanos;
    }
  }
}
