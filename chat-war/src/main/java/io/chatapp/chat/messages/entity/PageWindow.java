package io.chatapp.chat.messages.entity;

/**
 * A range of sequence numbers {@code [from, to]} to fetch for one page of history. A page is the
 * {@code limit} sequence numbers just below a point; numbers lost to failed sends leave gaps, so
 * {@link #below} widens the search downwards by what is still missing.
 */
public record PageWindow(long from, long to) {

  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 100;

  /** The most sequence numbers fetched in one lookup while crossing a gap. */
  public static final int MAX_SPAN = 5000;

  public PageWindow {
    if (from < 1 || to < from) {
      throw new IllegalArgumentException("empty window " + from + ".." + to);
    }
  }

  /** The newest {@code limit} numbers up to {@code top} inclusive; empty when top is 0. */
  public static java.util.Optional<PageWindow> endingAt(long top, int limit) {
    if (top < 1 || limit < 1) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(new PageWindow(Math.max(1, top - limit + 1), top));
  }

  /** The {@code missing} numbers just below this window, if any are left. */
  public java.util.Optional<PageWindow> below(int missing) {
    return endingAt(from - 1, missing);
  }

  /** How far below to look after {@code round} rounds that found too little: doubling, capped. */
  public static int widened(int limit, int round) {
    return (int) Math.min(MAX_SPAN, (long) limit << Math.min(round, 20));
  }

  public int size() {
    return (int) (to - from + 1);
  }

  /** The page size asked for: {@code null} means the default; 1 to {@value #MAX_LIMIT}. */
  public static int limit(String requested) {
    if (requested == null || requested.isBlank()) {
      return DEFAULT_LIMIT;
    }
    int value;
    try {
      value = Integer.parseInt(requested.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("limit must be a whole number from 1 to " + MAX_LIMIT);
    }
    if (value < 1 || value > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be a whole number from 1 to " + MAX_LIMIT);
    }
    return value;
  }
}
