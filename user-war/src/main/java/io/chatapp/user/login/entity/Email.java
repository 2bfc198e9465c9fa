package io.chatapp.user.login.entity;

import io.chatapp.user.InvalidValue;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An email address as the service keeps it: trimmed and lower-cased, so that one person has one
 * account whatever case they type (the unique index of the embedded server ignores collation).
 */
public record Email(String value) {

  /** local@domain.tld with the characters of RFC 5322's dot-atom; no quoted forms, no IP hosts. */
  private static final Pattern FORMAT =
      Pattern.compile(
          "[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
              + "@([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?");

  public Email {
    if (value == null || value.isBlank()) {
      throw new InvalidValue("email is required");
    }
    value = value.trim().toLowerCase(Locale.ROOT);
    int at = value.indexOf('@');
    if (value.length() > 254 || at > 64 || !FORMAT.matcher(value).matches()) {
      throw new InvalidValue("email is not a valid email address");
    }
  }

  /** The part before the {@code @}: the name a new user starts with. */
  public String localPart() {
    return value.substring(0, value.indexOf('@'));
  }

  @Override
  public String toString() {
    return value;
  }
}
