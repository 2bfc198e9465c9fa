package io.chatapp.chat.media.control;

import io.chatapp.platform.errors.Refusal;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * How many pixels are being decoded at once, all uploads together: a decoded image holds three or
 * four bytes a pixel (160 MB at the default 40 million pixels), so the budget is twice the largest
 * image. Small images hardly ever wait; an upload that waits longer than {@link #WAIT} is a 503
 * with {@code Retry-After}.
 */
final class DecodingBudget {

  static final Duration WAIT = Duration.ofSeconds(20);

  private final Semaphore pixels;
  private final int capacity;

  DecodingBudget(long maxPixelsPerImage) {
    this.capacity = (int) Math.min(Integer.MAX_VALUE, 2 * maxPixelsPerImage);
    this.pixels = new Semaphore(capacity, true);
  }

  /** Holds {@code count} pixels of the budget until closed. */
  Permit take(long count) {
    int taken = (int) Math.min(capacity, Math.max(1, count));
    try {
      if (!pixels.tryAcquire(taken, WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
        throw Refusal.busy("Busy with other images; try again in a moment", WAIT);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw Refusal.busy("Busy with other images; try again in a moment", WAIT);
    }
    return () -> pixels.release(taken);
  }

  interface Permit extends AutoCloseable {
    @Override
    void close();
  }
}
