package io.chatapp.chat.media.control;

import io.chatapp.platform.errors.Refusal;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * How many bytes of the heap images being decoded may hold at once, all uploads together ({@link
 * MediaLimits#decodingBytes()}), each upload counted by {@link DecodedBytes} before any pixel is
 * decoded. Counting pixels was not enough: a 16-bit RGBA PNG decodes at 8 bytes a pixel, so one of
 * 40 million pixels holds 320 MB, and a JPEG turned by its EXIF orientation is held twice. An image
 * that alone needs more than the whole budget is never decoded (413, {@link ImageInspector}); small
 * images hardly ever wait; an upload that waits longer than {@link #WAIT} is a 503 with {@code
 * Retry-After}.
 */
final class DecodingBudget {

  static final Duration WAIT = Duration.ofSeconds(20);

  /** The semaphore counts KiB, so that a budget of more than 2 GiB still fits its int permits. */
  private static final int UNIT = 1024;

  private final long capacity;
  private final int units;
  private final Semaphore free;

  DecodingBudget(long capacityBytes) {
    this.units = (int) Math.min(Integer.MAX_VALUE, Math.max(1, capacityBytes / UNIT));
    this.capacity = (long) units * UNIT;
    this.free = new Semaphore(units, true);
  }

  /** The most bytes decoded at once; an image needing more is refused before it is decoded. */
  long capacity() {
    return capacity;
  }

  /**
   * Holds {@code bytes} of the budget until closed, waiting up to {@link #WAIT} while other uploads
   * hold it (503 after that). The caller refuses an image needing more than {@link #capacity()}.
   */
  Permit take(long bytes) {
    if (bytes > capacity) {
      throw new IllegalArgumentException(bytes + " bytes exceed the budget of " + capacity);
    }
    int taken = (int) Math.max(1, Math.min(units, (bytes + UNIT - 1) / UNIT));
    try {
      if (!free.tryAcquire(taken, WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
        throw Refusal.busy("Busy with other images; try again in a moment", WAIT);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw Refusal.busy("Busy with other images; try again in a moment", WAIT);
    }
    return () -> free.release(taken);
  }

  interface Permit extends AutoCloseable {
    @Override
    void close();
  }
}
