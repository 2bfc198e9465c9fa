package io.chatapp.bench;

import java.util.concurrent.ThreadLocalRandom;

/**
 * The unique id each message's text carries, so that the recipient's side can tell which send a
 * frame answers by a substring search alone: {@code bench <run tag><round>-<seq>~}. The run tag is
 * random, so frames of an earlier run (or a probe) are never taken for this one's.
 */
final class MessageTag {

  /** What {@link #find} returns when the frame carries none of this run's ids. */
  static final long NONE = -1;

  private final String prefix;

  private MessageTag(String prefix) {
    this.prefix = prefix;
  }

  static MessageTag fresh() {
    StringBuilder tag = new StringBuilder("mpb");
    for (int i = 0; i < 8; i++) {
      tag.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
    }
    return new MessageTag(tag.append('-').toString());
  }

  /** The text of message {@code seq} of round {@code round}. */
  String text(int round, int seq) {
    return "bench " + prefix + round + "-" + seq + "~";
  }

  /** The round and sequence number of the id in the frame, packed by {@link #pack}; else NONE. */
  long find(String frame) {
    int at = frame.indexOf(prefix);
    if (at < 0) {
      return NONE;
    }
    int i = at + prefix.length();
    int round = 0;
    for (char c; i < frame.length() && (c = frame.charAt(i)) != '-'; i++) {
      if (c < '0' || c > '9') {
        return NONE;
      }
      round = round * 10 + (c - '0');
    }
    int seq = 0;
    for (char c; ++i < frame.length() && (c = frame.charAt(i)) != '~'; ) {
      if (c < '0' || c > '9') {
        return NONE;
      }
      seq = seq * 10 + (c - '0');
    }
    return i < frame.length() ? pack(round, seq) : NONE;
  }

  static long pack(int round, int seq) {
    return ((long) round << 32) | seq;
  }

  static int round(long packed) {
    return (int) (packed >>> 32);
  }

  static int seq(long packed) {
    return (int) packed;
  }
}
