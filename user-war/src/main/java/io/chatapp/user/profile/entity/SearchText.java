package io.chatapp.user.profile.entity;

import io.chatapp.platform.text.PlainText;
import io.chatapp.user.InvalidValue;
import io.chatapp.user.login.entity.Email;
import java.util.Optional;

/**
 * What a user typed to find people: trimmed, normalised to NFC, {@value #MIN_LENGTH} to {@value
 * #MAX_LENGTH} characters. At least three, so that nobody lists everyone with "a" or "@". It finds
 * people by a part of their name, and by their email only when it is a whole address: a part of an
 * address finds nobody by it, so that {@code "@example.com"} does not list a company's staff.
 */
public record SearchText(String value) {

  public static final int MIN_LENGTH = 3;
  public static final int MAX_LENGTH = 100;

  public SearchText {
    value = value == null ? "" : PlainText.normalize(value.strip());
    int length = value.codePointCount(0, value.length());
    if (length < MIN_LENGTH) {
      throw new InvalidValue(
          "q must have at least "
              + MIN_LENGTH
              + " characters: a part of a name, or a whole email address");
    }
    if (length > MAX_LENGTH) {
      throw new InvalidValue("q may be at most " + MAX_LENGTH + " characters");
    }
  }

  /** The address typed, when the text is a whole email address. */
  public Optional<Email> wholeEmail() {
    if (value.indexOf('@') < 0) {
      return Optional.empty();
    }
    try {
      return Optional.of(new Email(value));
    } catch (InvalidValue notAnAddress) {
      return Optional.empty();
    }
  }

  /** Whether the text is this whole address (any case): who typed it knows it already. */
  public boolean isWholeEmailOf(String email) {
    return email != null && wholeEmail().map(typed -> typed.value().equals(email)).orElse(false);
  }
}
