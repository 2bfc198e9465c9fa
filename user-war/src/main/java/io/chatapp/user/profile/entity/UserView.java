package io.chatapp.user.profile.entity;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The user document as the original service sent it: {@code {"_id", "name", "email", "createdAt",
 * "updatedAt"}}, times as ISO-8601 UTC with milliseconds, as JavaScript's {@code toISOString()}.
 */
@JsonbPropertyOrder({"id", "name", "email", "createdAt", "updatedAt"})
public record UserView(
    @JsonbProperty("_id") String id,
    String name,
    String email,
    String createdAt,
    String updatedAt) {

  private static final DateTimeFormatter ISO_MILLIS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  public static UserView of(User user) {
    return new UserView(
        user.id().value(),
        user.name(),
        user.email(),
        format(user.createdAt()),
        format(user.updatedAt()));
  }

  /**
   * The same document without the email (the field is left out of the JSON), for someone who may
   * not learn it.
   */
  public UserView withoutEmail() {
    return new UserView(id, name, null, createdAt, updatedAt);
  }

  private static String format(Instant instant) {
    return instant == null ? null : ISO_MILLIS.format(instant);
  }
}
