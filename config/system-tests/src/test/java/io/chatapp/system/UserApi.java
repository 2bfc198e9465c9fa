package io.chatapp.system;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.StringReader;
import java.net.URI;
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
public final class UserApi {

  /**
   * Tests its connections before use: a fault drill restarts Redis, and a connection kept from
   * before would fail the next test that reads a code.
   */
  public static final JedisPooled REDIS = redis();

  private static JedisPooled redis() {
    org.apache.commons.pool2.impl.GenericObjectPoolConfig<redis.clients.jedis.Connection> pool =
        new org.apache.commons.pool2.impl.GenericObjectPoolConfig<>();
    pool.setTestOnBorrow(true);
    return new JedisPooled(pool, java.net.URI.create(redisUrl()), 2000);
  }

  private UserApi() {}

  public static String api(String path) {
    return Stack.url("user") + "/api/v1" + path;
  }

  public static String newEmail(String purpose) {
    return purpose + "-" + UUID.randomUUID().toString().substring(0, 12) + "@system-test.example";
  }

  public static HttpResponse<String> post(String path, String json, String... headers)
      throws Exception {
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
    return Stack.HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  public static HttpResponse<String> get(String path, String... headers) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(api(path))).timeout(Duration.ofSeconds(15)).GET();
    if (headers.length > 0) {
      request.headers(headers);
    }
    return Stack.HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /**
   * Asks for a code from the address's own device: the stack trusts loopback as its proxy, and each
   * test person comes through it from an address of their own ({@link #deviceOf}).
   */
  public static HttpResponse<String> login(String email) throws Exception {
    return loginFrom(deviceOf(email), email);
  }

  public static HttpResponse<String> verify(String email, String otp) throws Exception {
    return verifyFrom(deviceOf(email), email, otp);
  }

  /** Asks for a code as the client at {@code device} would, behind the stack's proxy. */
  public static HttpResponse<String> loginFrom(String device, String email) throws Exception {
    return post(
        "/login",
        Json.createObjectBuilder().add("email", email).build().toString(),
        "X-Forwarded-For",
        device);
  }

  public static HttpResponse<String> verifyFrom(String device, String email, String otp)
      throws Exception {
    return post(
        "/verify",
        Json.createObjectBuilder().add("email", email).add("otp", otp).build().toString(),
        "X-Forwarded-For",
        device);
  }

  /** The address of the person's own device: one of 10.0.0.0/8, from the email. */
  public static String deviceOf(String email) {
    int hash = email.toLowerCase().hashCode();
    return "10." + (hash >>> 16 & 0xff) + "." + (hash >>> 8 & 0xff) + "." + (hash & 0xff);
  }

  /** The code the service keeps for the address, as the mail would carry it. */
  /**
   * How long after its use a refresh token is still answered "just replaced" (409) rather than
   * counted as theft: the stack's {@code REFRESH_REUSE_GRACE_SECONDS}, which {@code config/test}
   * sets short.
   */
  public static final Duration REFRESH_GRACE =
      Duration.ofSeconds(
          Long.parseLong(System.getenv().getOrDefault("REFRESH_REUSE_GRACE_SECONDS", "15")));

  /** Waits until a used refresh token counts as reused (tokens carry whole seconds: plus one). */
  public static void waitOutRefreshGrace() throws InterruptedException {
    Thread.sleep(REFRESH_GRACE.toMillis() + 1100);
  }

  public static String otpOf(String email) {
    return REDIS.hget("otp:" + email.toLowerCase(), "code");
  }

  /** Asks for a code and trades it for a session; the answer carries the cookies. */
  public static Session logIn(String email) throws Exception {
    return logIn(email, UserApi::otpOf);
  }

  /** Where a client learns the code sent to an address: Redis, or the mail as a person reads it. */
  @FunctionalInterface
  public interface CodeSource {
    String codeFor(String email) throws Exception;
  }

  /** {@link #logIn(String)} with the code read from the given source. */
  public static Session logIn(String email, CodeSource codes) throws Exception {
    HttpResponse<String> login = login(email);
    if (login.statusCode() != 200) {
      throw new AssertionError("login answered " + login.statusCode() + ": " + login.body());
    }
    HttpResponse<String> verify = verify(email, codes.codeFor(email));
    if (verify.statusCode() != 200) {
      throw new AssertionError("verify answered " + verify.statusCode() + ": " + verify.body());
    }
    return new Session(cookies(verify), json(verify).getJsonObject("user"));
  }

  /** A logged-in client: its cookie jar and its user document. */
  public record Session(Map<String, String> cookies, JsonObject user) {
    public String cookieHeader() {
      StringBuilder header = new StringBuilder();
      cookies.forEach((name, value) -> header.append(name).append('=').append(value).append("; "));
      return header.toString();
    }

    public String accessToken() {
      return cookies.get("accessToken");
    }

    public String refreshToken() {
      return cookies.get("refreshToken");
    }

    public String userId() {
      return user.getString("_id");
    }

    /** The jar after a response: its cookies set, replaced or removed. */
    public Session after(HttpResponse<?> response) {
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
  public static Map<String, String> cookies(HttpResponse<?> response) {
    Map<String, String> cookies = new LinkedHashMap<>();
    attributes(response).forEach((name, attributes) -> cookies.put(name, attributes.get("")));
    return cookies;
  }

  /**
   * Name to attributes of every cookie a response sets; the value under "", attribute names
   * lower-cased, flags mapped to "".
   */
  public static Map<String, Map<String, String>> attributes(HttpResponse<?> response) {
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

  public static JsonObject json(HttpResponse<String> response) {
    return (JsonObject) structure(response);
  }

  public static JsonStructure structure(HttpResponse<String> response) {
    try (var reader = Json.createReader(new StringReader(response.body()))) {
      return reader.read();
    }
  }

  public static String message(HttpResponse<String> response) {
    return json(response).getString("message");
  }

  private static String redisUrl() {
    String url = System.getenv("REDIS_URL");
    return url == null || url.isBlank() ? "redis://localhost:6379" : url;
  }
}
