package io.chatapp.frontend.backend.control;

import static io.chatapp.platform.json.JsonSupport.JSON;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import java.io.StringReader;

/**
 * What a backend service answered: its status, JSON body and, for 429, how many seconds to wait.
 */
public record Answer(int status, String body, long retryAfterSeconds) {

  public boolean ok() {
    return status >= 200 && status < 300;
  }

  /** The service's {@code message}, or the fallback when it gave none. */
  public String message(String fallback) {
    try {
      JsonObject json = JSON.createReader(new StringReader(body)).readObject();
      return json.getString("message", fallback);
    } catch (JsonException | IllegalStateException | ClassCastException e) {
      return fallback;
    }
  }

  /** The answer when the browser's session is over. */
  public static Answer ended() {
    return of(401, "{\"message\":\"Your session has ended: please log in again\"}");
  }

  static Answer of(int status, String body) {
    return new Answer(status, body, 0);
  }

  /** The answer the page shows when a service cannot be reached at all. */
  static Answer unreachable(String service) {
    return of(
        503, "{\"message\":\"The " + service + " service is unreachable; try again in a moment\"}");
  }
}
