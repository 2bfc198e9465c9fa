package io.chatapp.platform.text;

import java.text.Normalizer;
import java.util.Optional;

/**
 * Text people type, as every service keeps it: normalised to NFC (so the same name or message is
 * the same characters however it was typed), without control characters, and without the bidi
 * overrides and isolates that make a text display in another order than it reads ("right-to-left
 * override" spoofing). Messages may hold line breaks and tabs; names may not, nor zero-width
 * characters that make two names look alike.
 */
public final class PlainText {

  private PlainText() {}

  /** What a text may hold besides printable characters. */
  public enum Kind {
    /** One line: a name. */
    LINE,
    /** Several lines: a message. */
    LINES
  }

  public static String normalize(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFC);
  }

  /** The first character the text may not hold, described for an error message, if any. */
  public static Optional<String> forbidden(String text, Kind kind) {
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      if (isForbidden(c, kind)) {
        return Optional.of(String.format("U+%04X", c));
      }
    }
    return Optional.empty();
  }

  private static boolean isForbidden(int c, Kind kind) {
    if (Character.getType(c) == Character.CONTROL) {
      return !(kind == Kind.LINES && (c == '\n' || c == '\r' || c == '\t'));
    }
    boolean bidi = (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    boolean invisible = c == 0x200B || c == 0x2060 || c == 0xFEFF || c == 0x180E;
    boolean lineBreak = c == 0x2028 || c == 0x2029;
    return bidi || (kind == Kind.LINE && (invisible || lineBreak));
  }
}
