package io.chatapp.bench;

import java.util.Arrays;

/** Nearest-rank percentiles of a sample of durations, in milliseconds. */
final class Percentiles {

  private final long[] sorted;

  /** The first {@code count} durations of the array, in nanoseconds. */
  Percentiles(long[] nanos, int count) {
    sorted = Arrays.copyOf(nanos, count);
    Arrays.sort(sorted);
  }

  int count() {
    return sorted.length;
  }

  /** The q-th percentile (0 to 100) in ms; NaN of an empty sample. */
  double at(double q) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(q / 100 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
  }

  double max() {
    return at(100);
  }
}
