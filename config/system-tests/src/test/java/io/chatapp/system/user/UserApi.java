package io.chatapp.system.user;

import io.chatapp.system.Stack;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import redis.clients.jedis.JedisPooled;

/**
 * The user service as a client sees it, plus the one thing a test needs that a person would read in
 * a mailbox: the OTP, read from Redis ({@code REDIS_URL}, else localhost).
 */
final class UserApi {

  static final JedisPooled REDIS = new JedisPooled(redisUrl());

  /**
   * HTTP/1.1, as browsers speak to a plain-http server. Over the cleartext HTTP/2 that Java's
   * client negotiates by default, a body the server refuses unread (413) stalls that connection's
   * later requests until they time out.
   */
  static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(3))
          .build();

  private UserApi() {}

  static String api(String path) {
    return Stack.url("user") + "/api/v1" + path;
  }

  static String newEmail(String purpose) {
    return purpose + "-" + UUID.randomUUID().toString().substring(0, 12) + "@system-test.example";
  }

  static HttpResponse<String> post(String path, String json, String... headers) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(api(path)))
            .timeout(Duration.ofSeconds(15))
            .POST(HttpRequest.BodyPublishers.ofString(json == null ? "" : json));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    if (headers.length > 0) {
      request.headers(headers);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> get(String path, String... headers) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(api(path))).timeout(Duration.ofSeconds(15)).GET();
    if (headers.length > 0) {
      request.headers(headers);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> login(String email) throws Exception {
    return post("/login", Json.createObjectBuilder().add("email", email).build().toString());
  }

  static HttpResponse<String> verify(String email, String otp) throws Exception {
    return post(
        "/verify",
        Json.createObjectBuilder().add("email", email).add("otp", otp).build().toString());
  }

  /** The code the service keeps for the address, as the mail would carry it. */
  static String otpOf(String email) {
    return REDIS.hget("otp:" + email.toLowerCase(), "code");
  }

  /** Asks for a code and trades it for a session; the answer carries the cookies. */
  static Session logIn(String email) throws Exception {
    HttpResponse<String> login = login(email);
    if (login.statusCode() != 200) {
      throw new AssertionError("login answered " + login.statusCode() + ": " + login.body());
    }
    HttpResponse<String> verify = verify(email, otpOf(email));
    if (verify.statusCode() != 200) {
      throw new AssertionError("verify answered " + verify.statusCode() + ": " + verify.body());
    }
    return new Session(cookies(verify), json(verify).getJsonObject("user"));
  }

  /** A logged-in client: its cookie jar and its user document. */
  record Session(Map<String, String> cookies, JsonObject user) {
    String cookieHeader() {
      StringBuilder header = new StringBuilder();
      cookies.forEach((name, value) -> header.append(name).append('=').append(value).append("; "));
      return header.toString();
    }

    String accessToken() {
      return cookies.get("accessToken");
    }

    String refreshToken() {
      return cookies.get("refreshToken");
    }

    String userId() {
      return user.getString("_id");
    }

    /** The jar after a response: its cookies set, replaced or removed. */
    Session after(HttpResponse<?> response) {
      Map<String, String> jar = new LinkedHashMap<>(cookies);
      attributes(response)
          .forEach(
              (name, attributes) -> {
                if ("0".equals(attributes.get("max-age"))) {
                  jar.remove(name);
                } else {
                  jar.put(name, attributes.get(""));
                }
              });
      return new Session(jar, user);
    }
  }

  /** Name to value of every cookie a response sets. */
  static Map<String, String> cookies(HttpResponse<?> response) {
    Map<String, String> cookies = new LinkedHashMap<>();
    attributes(response).forEach((name, attributes) -> cookies.put(name, attributes.get("")));
    return cookies;
  }

  /**
   * Name to attributes of every cookie a response sets; the value under "", attribute names
   * lower-cased, flags mapped to "".
   */
  static Map<String, Map<String, String>> attributes(HttpResponse<?> response) {
    Map<String, Map<String, String>> cookies = new LinkedHashMap<>();
    for (String header : response.headers().allValues("Set-Cookie")) {
      List<String> parts = List.of(header.split(";"));
      String[] pair = parts.get(0).split("=", 2);
      Map<String, String> attributes = new LinkedHashMap<>();
      attributes.put("", pair.length > 1 ? pair[1].trim() : "");
      for (String part : parts.subList(1, parts.size())) {
        String[] attribute = part.trim().split("=", 2);
        attributes.put(attribute[0].toLowerCase(), attribute.length > 1 ? attribute[1] : "");
      }
      cookies.put(pair[0].trim(), attributes);
    }
    return cookies;
  }

  static JsonObject json(HttpResponse<String> response) {
    return (JsonObject) structure(response);
  }

  static JsonStructure structure(HttpResponse<String> response) {
    try (var reader = Json.createReader(new StringReader(response.body()))) {
      return reader.read();
    }
  }

  static String message(HttpResponse<String> response) {
    return json(response).getString("message");
  }

  private static String redisUrl() {
    String url = System.getenv("REDIS_URL");
    return url == null || url.isBlank() ? "redis://localhost:6379" : url;
  }
}
