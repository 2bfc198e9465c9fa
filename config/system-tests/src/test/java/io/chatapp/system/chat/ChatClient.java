package io.chatapp.system.chat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import redis.clients.jedis.JedisPooled;

/**
 * A user of the running stack, as a browser or integrator would be: logged in through user-war's
 * OTP flow (the code read from Redis, where user-war keeps it), then calling chat-war with the
 * access token it got.
 */
final class ChatClient {

  static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(3))
          .build();

  final String id;
  final String token;

  private ChatClient(String id, String token) {
    this.id = id;
    this.token = token;
  }

  static String url(String variable, int port) {
    String value = System.getenv(variable);
    return "http://127.0.0.1:" + (value == null || value.isBlank() ? port : value);
  }

  static String userApi() {
    return url("USER_PORT", 3000) + "/api/v1";
  }

  static String chatApi() {
    return url("CHAT_PORT", 3002) + "/api/v1";
  }

  /** A new user, logged in: POST /login, the OTP from Redis, POST /verify, the cookie. */
  static ChatClient newUser() throws Exception {
    String email = "chat-it-" + UUID.randomUUID() + "@example.com";
    Response login = send(post(userApi() + "/login", "{\"email\":\"" + email + "\"}", null));
    if (login.status() / 100 != 2) {
      throw new AssertionError("login answered " + login.status() + ": " + login.body());
    }
    String redisUrl = System.getenv().getOrDefault("REDIS_URL", "redis://localhost:6379");
    String otp = null;
    try (JedisPooled redis = new JedisPooled(URI.create(redisUrl))) {
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (otp == null && System.nanoTime() < deadline) {
        otp = redis.hget("otp:" + email, "code");
        if (otp == null) {
          Thread.sleep(50);
        }
      }
    }
    if (otp == null) {
      throw new AssertionError("no OTP in Redis for " + email);
    }
    HttpResponse<String> verify =
        HTTP.send(
            post(
                userApi() + "/verify",
                "{\"email\":\"" + email + "\",\"otp\":\"" + otp + "\"}",
                null),
            HttpResponse.BodyHandlers.ofString());
    if (verify.statusCode() != 200) {
      throw new AssertionError("verify answered " + verify.statusCode() + ": " + verify.body());
    }
    String token =
        verify.headers().allValues("Set-Cookie").stream()
            .filter(cookie -> cookie.startsWith("accessToken="))
            .map(cookie -> cookie.substring("accessToken=".length()).split(";", 2)[0])
            .findFirst()
            .orElseThrow(() -> new AssertionError("no accessToken cookie"));
    String id = json(verify.body()).getJsonObject("user").getString("_id");
    return new ChatClient(id, token);
  }

  record Response(int status, String body) {
    JsonObject json() {
      return ChatClient.json(body);
    }
  }

  Response get(String path) throws Exception {
    return send(
        HttpRequest.newBuilder(URI.create(chatApi() + path))
            .timeout(Duration.ofSeconds(15))
            .header("Authorization", "Bearer " + token)
            .build());
  }

  Response postJson(String path, String body) throws Exception {
    return send(post(chatApi() + path, body, token));
  }

  Response startChat(ChatClient other) throws Exception {
    return postJson("/chat/new", "{\"otherUserId\":\"" + other.id + "\"}");
  }

  Response sendText(String chatId, String text) throws Exception {
    return postJson(
        "/message",
        Json.createObjectBuilder().add("chatId", chatId).add("text", text).build().toString());
  }

  /** {@code POST /message} as multipart: chatId, text (when not null) and the image part. */
  Response sendImage(String chatId, String text, byte[] image, String filename) throws Exception {
    String boundary = "img-" + UUID.randomUUID();
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    java.util.function.Consumer<String> write =
        part -> body.writeBytes(part.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    write.accept(
        "--" + boundary + "\r\nContent-Disposition: form-data; name=\"chatId\"\r\n\r\n" + chatId);
    if (text != null) {
      write.accept(
          "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\n" + text);
    }
    write.accept(
        "\r\n--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"image\"; filename=\""
            + filename
            + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
    body.writeBytes(image);
    write.accept("\r\n--" + boundary + "--\r\n");
    return send(
        HttpRequest.newBuilder(URI.create(chatApi() + "/message"))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
            .build());
  }

  static HttpRequest post(String url, String body, String token) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(15))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return request.build();
  }

  static Response send(HttpRequest request) throws Exception {
    HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    return new Response(response.statusCode(), response.body());
  }

  static JsonObject json(String body) {
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      return reader.readObject();
    }
  }
}
