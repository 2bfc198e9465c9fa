package io.chatapp.chat.messages.entity;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reaction: exactly one emoji as people see it (one extended grapheme cluster), such as 👍, ❤️,
 * 👍🏽, 👨‍👩‍👧 or 🇫🇷. Java 17 has neither {@code Character.isEmoji} nor {@code \p{IsEmoji}}
 * (both Java 21), and its {@link java.text.BreakIterator} splits 👍🏽 and 👨‍👩‍👧 into several
 * characters; its regex {@code \X} follows Unicode's grapheme rules, emoji ZWJ sequences and flag
 * pairs included, so the cluster comes from there. The cluster is an emoji when it starts with an
 * Extended_Pictographic code point (Unicode's emoji-data, the ranges below) and holds nothing but
 * what emoji sequences are made of, or is a flag (two regional indicators) or a keycap (1️⃣).
 */
public record Emoji(String value) {

  /** Longer than any emoji sequence (the longest, a kiss with two skin tones, is 15 chars). */
  static final int MAX_CHARS = 32;

  private static final Pattern GRAPHEME = Pattern.compile("\\X");

  /**
   * Extended_Pictographic of Unicode's emoji-data.txt, as pairs of first and last code point. The
   * property covers the emoji blocks' unassigned code points as well (1FC00..1FFFD, most of
   * 1F000..1FAFF), so emoji added by later Unicode versions are in it already.
   */
  private static final int[] PICTOGRAPHIC = {
    0x00A9, 0x00A9, 0x00AE, 0x00AE, 0x203C, 0x203C, 0x2049, 0x2049, 0x2122, 0x2122, 0x2139, 0x2139,
    0x2194, 0x2199, 0x21A9, 0x21AA, 0x231A, 0x231B, 0x2328, 0x2328, 0x2388, 0x2388, 0x23CF, 0x23CF,
    0x23E9, 0x23F3, 0x23F8, 0x23FA, 0x24C2, 0x24C2, 0x25AA, 0x25AB, 0x25B6, 0x25B6, 0x25C0, 0x25C0,
    0x25FB, 0x25FE, 0x2600, 0x2605, 0x2607, 0x2612, 0x2614, 0x2685, 0x2690, 0x2705, 0x2708, 0x2712,
    0x2714, 0x2714, 0x2716, 0x2716, 0x271D, 0x271D, 0x2721, 0x2721, 0x2728, 0x2728, 0x2733, 0x2734,
    0x2744, 0x2744, 0x2747, 0x2747, 0x274C, 0x274C, 0x274E, 0x274E, 0x2753, 0x2755, 0x2757, 0x2757,
    0x2763, 0x2767, 0x2795, 0x2797, 0x27A1, 0x27A1, 0x27B0, 0x27B0, 0x27BF, 0x27BF, 0x2934, 0x2935,
    0x2B05, 0x2B07, 0x2B1B, 0x2B1C, 0x2B50, 0x2B50, 0x2B55, 0x2B55, 0x3030, 0x3030, 0x303D, 0x303D,
    0x3297, 0x3297, 0x3299, 0x3299, 0x1F000, 0x1F0FF, 0x1F10D, 0x1F10F, 0x1F12F, 0x1F12F, 0x1F16C,
    0x1F171, 0x1F17E, 0x1F17F, 0x1F18E, 0x1F18E, 0x1F191, 0x1F19A, 0x1F1AD, 0x1F1E5, 0x1F201,
    0x1F20F, 0x1F21A, 0x1F21A, 0x1F22F, 0x1F22F, 0x1F232, 0x1F23A, 0x1F23C, 0x1F23F, 0x1F249,
    0x1F3FA, 0x1F400, 0x1F53D, 0x1F546, 0x1F64F, 0x1F680, 0x1F6FF, 0x1F774, 0x1F77F, 0x1F7D5,
    0x1F7FF, 0x1F80C, 0x1F80F, 0x1F848, 0x1F84F, 0x1F85A, 0x1F85F, 0x1F888, 0x1F88F, 0x1F8AE,
    0x1F8FF, 0x1F90C, 0x1F93A, 0x1F93C, 0x1F945, 0x1F947, 0x1FAFF, 0x1FC00, 0x1FFFD
  };

  private static final int ZWJ = 0x200D;
  private static final int VARIATION_TEXT = 0xFE0E;
  private static final int VARIATION_EMOJI = 0xFE0F;
  private static final int KEYCAP = 0x20E3;

  public Emoji {
    if (value == null || !isOne(value)) {
      throw new IllegalArgumentException("emoji must be exactly one emoji");
    }
  }

  /** Whether the text is exactly one emoji. */
  public static boolean isOne(String text) {
    if (text.isEmpty() || text.length() > MAX_CHARS) {
      return false;
    }
    Matcher cluster = GRAPHEME.matcher(text);
    if (!cluster.lookingAt() || cluster.end() != text.length()) {
      return false;
    }
    int[] points = text.codePoints().toArray();
    return isKeycap(points) || isFlag(points) || isPictographicSequence(points);
  }

  /**
   * 👍, ❤️, 👍🏽, 👨‍👩‍👧, 🏴󠁧󠁢󠁳󠁣󠁴󠁿: a pictograph, then only modifiers, selectors, tags and
   * joiners, each joiner followed by another pictograph (so 👍 with a dangling joiner is no second
   * 👍).
   */
  private static boolean isPictographicSequence(int[] points) {
    if (!isPictographic(points[0]) || !Arrays.stream(points).allMatch(Emoji::mayFollow)) {
      return false;
    }
    for (int i = 0; i < points.length; i++) {
      if (points[i] == ZWJ && (i + 1 == points.length || !isPictographic(points[i + 1]))) {
        return false;
      }
    }
    return true;
  }

  private static boolean mayFollow(int point) {
    return isPictographic(point)
        || point == ZWJ
        || point == VARIATION_EMOJI
        || point == VARIATION_TEXT
        || (point >= 0x1F3FB && point <= 0x1F3FF) // skin tones
        || (point >= 0xE0020 && point <= 0xE007F); // tags of subdivision flags
  }

  /** 🇫🇷: two regional indicators (which \X keeps together only in pairs). */
  private static boolean isFlag(int[] points) {
    return points.length == 2 && isRegionalIndicator(points[0]) && isRegionalIndicator(points[1]);
  }

  private static boolean isRegionalIndicator(int point) {
    return point >= 0x1F1E6 && point <= 0x1F1FF;
  }

  /** 1️⃣, #️⃣, *⃣: a digit, # or *, maybe the emoji selector, the keycap mark. */
  private static boolean isKeycap(int[] points) {
    boolean base = points[0] == '#' || points[0] == '*' || (points[0] >= '0' && points[0] <= '9');
    return base
        && ((points.length == 2 && points[1] == KEYCAP)
            || (points.length == 3 && points[1] == VARIATION_EMOJI && points[2] == KEYCAP));
  }

  static boolean isPictographic(int point) {
    int low = 0;
    int high = PICTOGRAPHIC.length / 2 - 1;
    while (low <= high) {
      int middle = (low + high) >>> 1;
      if (point < PICTOGRAPHIC[2 * middle]) {
        high = middle - 1;
      } else if (point > PICTOGRAPHIC[2 * middle + 1]) {
        low = middle + 1;
      } else {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return value;
  }
}
