package io.chatapp.chat.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.chatapp.chat.users.entity.UserId;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server playing user-war's two profile endpoints ({@code GET /api/v1/user/{id}},
 * {@code POST /api/v1/user/batch}), requiring a Bearer token like the real one.
 */
public final class UserServiceStandIn implements AutoCloseable {

  private final HttpServer server;
  private final Map<String, JsonObject> users = new ConcurrentHashMap<>();
  public final AtomicInteger calls = new AtomicInteger();

  public UserServiceStandIn() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/api/v1/user/", this::handle);
    server.start();
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public UserId add(String name) {
    UserId id = new UserId(new org.bson.types.ObjectId().toHexString());
    users.put(
        id.value(),
        Json.createObjectBuilder()
            .add("_id", id.value())
            .add("name", name)
            .add("email", name.toLowerCase() + "@example.com")
            .add("createdAt", "2026-01-01T00:00:00.000Z")
            .add("updatedAt", "2026-01-01T00:00:00.000Z")
            .build());
    return id;
  }

  private void handle(HttpExchange exchange) throws IOException {
    calls.incrementAndGet();
    try (exchange) {
      String auth = exchange.getRequestHeaders().getFirst("Authorization");
      if (auth == null || !auth.startsWith("Bearer ")) {
        answer(exchange, 401, "{\"message\":\"Not authenticated\"}");
        return;
      }
      String path = exchange.getRequestURI().getPath();
      if (path.equals("/api/v1/user/batch") && exchange.getRequestMethod().equals("POST")) {
        JsonObject body;
        try (InputStream in = exchange.getRequestBody()) {
          body = Json.createReader(in).readObject();
        }
        var found = Json.createArrayBuilder();
        for (JsonValue id : body.getJsonArray("ids")) {
          JsonObject user = users.get(((jakarta.json.JsonString) id).getString());
          if (user != null) {
            found.add(user);
          }
        }
        answer(exchange, 200, Json.createObjectBuilder().add("users", found).build().toString());
        return;
      }
      JsonObject user = users.get(path.substring("/api/v1/user/".length()));
      if (user == null) {
        answer(exchange, 404, "{\"message\":\"User not found\"}");
      } else {
        answer(exchange, 200, user.toString());
      }
    }
  }

  private static void answer(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
