package io.chatapp.chat.common.boundary;

import static io.chatapp.platform.json.JsonSupport.JSON;

import io.chatapp.chat.users.entity.UserId;
import io.chatapp.platform.auth.Caller;
import io.chatapp.platform.auth.RequestTokens;
import io.chatapp.platform.auth.Tokens;
import io.chatapp.platform.errors.Refusal;
import io.chatapp.platform.json.JsonSupport;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import java.io.StringReader;
import java.util.function.Supplier;

/** What every resource does with a request: read fields, turn bad input into a clear 400. */
public final class Requests {

  private Requests() {}

  /** The caller's access token, to forward to user-war. */
  public static String accessToken(HttpHeaders headers) {
    Cookie cookie = headers.getCookies().get(Tokens.ACCESS_COOKIE);
    return RequestTokens.accessToken(
            headers.getHeaderString(HttpHeaders.AUTHORIZATION),
            cookie == null ? null : cookie.getValue())
        .orElse(null);
  }

  public static UserId userId(Caller caller) {
    return parse(() -> new UserId(caller.userId()));
  }

  /** Builds a domain value; its {@link IllegalArgumentException} becomes 400 with its message. */
  public static <T> T parse(Supplier<T> value) {
    try {
      return value.get();
    } catch (IllegalArgumentException e) {
      throw Refusal.badRequest(e.getMessage());
    }
  }

  /**
   * The body, which must be a JSON object. Read here rather than by the runtime's JSON-P reader, so
   * an empty body, a JSON array or broken JSON is a 400 like any other bad input.
   */
  public static JsonObject object(String body) {
    if (body == null || body.isBlank()) {
      throw Refusal.badRequest("A JSON object body is required");
    }
    if (JsonSupport.nestsTooDeep(body)) {
      throw Refusal.badRequest(
          "The request body nests deeper than " + JsonSupport.MAX_DEPTH + " levels");
    }
    try (JsonReader reader = JSON.createReader(new StringReader(body))) {
      JsonValue value = reader.readValue();
      if (value.getValueType() != JsonValue.ValueType.OBJECT) {
        throw Refusal.badRequest("The request body must be a JSON object");
      }
      return value.asJsonObject();
    } catch (JsonException e) {
      throw Refusal.badRequest("The request body is not valid JSON");
    }
  }

  /** A string field; null when absent or null, 400 when of another type. */
  public static String string(JsonObject body, String name) {
    JsonValue value = body.get(name);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (value.getValueType() != JsonValue.ValueType.STRING) {
      throw Refusal.badRequest(name + " must be a string");
    }
    return body.getString(name);
  }

  /** A string field that must be there. */
  public static String required(JsonObject body, String name) {
    String value = string(body, name);
    if (value == null) {
      throw Refusal.badRequest(name + " is required");
    }
    return value;
  }
}
