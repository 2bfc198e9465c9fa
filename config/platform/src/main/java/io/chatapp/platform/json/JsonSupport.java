package io.chatapp.platform.json;

import jakarta.json.spi.JsonProvider;

/**
 * The application's one JSON-P provider. The static {@code jakarta.json.Json} factories look the
 * provider up through {@code ServiceLoader} on every call, scanning the WAR's jars: at 100 msg/s
 * that was about a quarter of chat-war's CPU. Use {@code JSON.createObjectBuilder()} and friends.
 */
public final class JsonSupport {

  public static final JsonProvider JSON = JsonProvider.provider();

  private JsonSupport() {}
}
