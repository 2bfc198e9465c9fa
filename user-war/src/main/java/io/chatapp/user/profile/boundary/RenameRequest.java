package io.chatapp.user.profile.boundary;

import io.chatapp.user.InvalidValue;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.validation.constraints.NotNull;

/**
 * {@code {"name": ...}}; the rules of a name are {@code UserName}'s. Kept as JSON so that {@code
 * {"name": 5}} is refused rather than read as "5".
 */
public record RenameRequest(@NotNull(message = "name is required") JsonValue name) {

  /** The name as sent; 400 unless it is a JSON string. */
  String text() {
    if (!(name instanceof JsonString string)) {
      throw new InvalidValue("name must be a string");
    }
    return string.getString();
  }
}
