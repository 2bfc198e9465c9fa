package io.chatapp.chat.messages.entity;

import io.chatapp.chat.users.entity.UserId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The message a reply quotes, as the reply shows it: the original's id and sender and the start of
 * its text ({@value #MAX_CHARS} characters at most, cut between two characters as people see them,
 * never inside an emoji), {@code "📷 Image"} for an image without text, and no text at all once the
 * original is deleted ({@code deleted} then).
 */
public record ReplyTo(MessageId id, UserId sender, String text, boolean deleted) {

  public static final int MAX_CHARS = 100;

  private static final Pattern GRAPHEME = Pattern.compile("\\X");

  public ReplyTo {
    if (id == null || sender == null) {
      throw new IllegalArgumentException("a quoted message has an id and a sender");
    }
    text = deleted ? null : excerpt(text == null ? "" : text);
  }

  /** The quote of {@code original} as it is now. */
  public static ReplyTo of(Message original) {
    if (original.deleted()) {
      return new ReplyTo(original.id(), original.sender(), null, true);
    }
    String text =
        original.image() != null && original.text().isEmpty()
            ? Message.IMAGE_PREVIEW
            : original.text();
    return new ReplyTo(original.id(), original.sender(), text, false);
  }

  /** The first {@value #MAX_CHARS} code points of the text, without splitting a grapheme. */
  static String excerpt(String text) {
    if (text.codePointCount(0, text.length()) <= MAX_CHARS) {
      return text;
    }
    Matcher grapheme = GRAPHEME.matcher(text);
    int end = 0;
    int points = 0;
    while (grapheme.find()) {
      int size = text.codePointCount(grapheme.start(), grapheme.end());
      if (points + size > MAX_CHARS) {
        break;
      }
      points += size;
      end = grapheme.end();
    }
    return text.substring(0, end);
  }
}
