package io.chatapp.chat.realtime.entity;

import static io.chatapp.platform.json.JsonSupport.JSON;

import io.chatapp.platform.json.JsonSupport;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Optional;

/**
 * One WebSocket frame of the original Socket.IO protocol, as JSON text: {@code {"event": name,
 * "data": payload}}.
 */
public record Frame(String event, JsonValue data) {

  public Frame {
    if (event == null || event.isBlank()) {
      throw new IllegalArgumentException("event required");
    }
    data = data == null ? JsonValue.NULL : data;
  }

  public static Frame of(String event, JsonValue data) {
    return new Frame(event, data);
  }

  /** The frame in a text message, or empty when it is not one. */
  public static Optional<Frame> parse(String text) {
    if (JsonSupport.nestsTooDeep(text)) {
      return Optional.empty();
    }
    try {
      JsonValue value = JSON.createReader(new StringReader(text)).readValue();
      if (value.getValueType() != JsonValue.ValueType.OBJECT) {
        return Optional.empty();
      }
      JsonObject object = value.asJsonObject();
      JsonValue event = object.get("event");
      if (event == null || event.getValueType() != JsonValue.ValueType.STRING) {
        return Optional.empty();
      }
      return Optional.of(new Frame(object.getString("event"), object.get("data")));
    } catch (JsonException | IllegalArgumentException | IllegalStateException e) {
      return Optional.empty();
    }
  }

  public static Frame error(String message) {
    return of("error", JSON.createObjectBuilder().add("message", message).build());
  }

  public String toText() {
    return JSON.createObjectBuilder().add("event", event).add("data", data).build().toString();
  }
}
