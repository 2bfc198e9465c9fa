package io.chatapp.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Where the running stack answers; the ports follow the same environment as config/start. */
public final class Stack {

  public static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

  private Stack() {}

  public static String url(String service) {
    return switch (service) {
      case "user" -> base("USER_PORT", 3000);
      case "mail" -> base("MAIL_HTTP_PORT", 3001);
      case "chat" -> base("CHAT_PORT", 3002);
      case "frontend" -> base("FRONTEND_PORT", 3003);
      case "mailbox" -> base("MAILBOX_PORT", 3080);
      default -> throw new IllegalArgumentException(service);
    };
  }

  private static String base(String variable, int port) {
    String value = System.getenv(variable);
    return "http://127.0.0.1:" + (value == null || value.isBlank() ? port : value);
  }

  public static HttpResponse<String> get(String url) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
