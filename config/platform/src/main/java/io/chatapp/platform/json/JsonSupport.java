package io.chatapp.platform.json;

import jakarta.json.spi.JsonProvider;

/**
 * The application's one JSON-P provider. The static {@code jakarta.json.Json} factories look the
 * provider up through {@code ServiceLoader} on every call, scanning the WAR's jars: at 100 msg/s
 * that was about a quarter of chat-war's CPU. Use {@code JSON.createObjectBuilder()} and friends.
 */
public final class JsonSupport {

  public static final JsonProvider JSON = JsonProvider.provider();

  /** Deeper than this no request of ours goes; a parser would recurse (and log) for nothing. */
  public static final int MAX_DEPTH = 32;

  private JsonSupport() {}

  /** Whether the text nests arrays and objects deeper than {@link #MAX_DEPTH}, outside strings. */
  public static boolean nestsTooDeep(String text) {
    int depth = 0;
    boolean inString = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '[' || c == '{') {
        if (++depth > MAX_DEPTH) {
          return true;
        }
      } else if (c == ']' || c == '}') {
        depth--;
      }
    }
    return false;
  }
}
