package io.chatapp.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Where the running stack answers; the ports follow the same environment as config/start, and a
 * system property {@code stack.url.<service>} (say {@code stack.url.user}) names another address.
 */
public final class Stack {

  /**
   * HTTP/1.1, as browsers speak to a plain-http server. Over the cleartext HTTP/2 that Java's
   * client negotiates by default, a body the server refuses unread (413) stalls that connection's
   * later requests until they time out.
   */
  public static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(3))
          .build();

  private Stack() {}

  public static String url(String service) {
    String configured = System.getProperty("stack.url." + service);
    if (configured != null && !configured.isBlank()) {
      return configured.replaceAll("/+$", "");
    }
    return switch (service) {
      case "user" -> base("USER_PORT", 3000);
      case "mail" -> base("MAIL_HTTP_PORT", 3001);
      case "chat" -> base("CHAT_PORT", 3002);
      case "chat2" -> base("CHAT2_PORT", 3012);
      case "frontend" -> base("FRONTEND_PORT", 3003);
      case "mailbox" -> base("MAILBOX_PORT", 3080);
      default -> throw new IllegalArgumentException(service);
    };
  }

  /**
   * The address a browser uses: {@code localhost}, as config/start prints it, so that the session
   * cookies and the WebSocket's origin match the configured web UI.
   */
  public static String browserUrl(String service) {
    return url(service).replace("http://127.0.0.1:", "http://localhost:");
  }

  /**
   * The stack's data folder (keys, logs, pid files): {@code CHAT_DATA_DIR}, else {@code .data}
   * under the root ({@code chat.root}, else two folders up, where Maven runs this module).
   */
  public static Path dataDir() {
    String dataDir = System.getenv("CHAT_DATA_DIR");
    if (dataDir != null && !dataDir.isBlank()) {
      return Path.of(dataDir);
    }
    return Path.of(System.getProperty("chat.root", "../..")).resolve(".data");
  }

  private static String base(String variable, int port) {
    String value = System.getenv(variable);
    return "http://127.0.0.1:" + (value == null || value.isBlank() ? port : value);
  }

  /**
   * Waits until every service of the stack reports ready again, as after a test that restarted
   * RabbitMQ: each service reconnects (and resumes its consumers) by itself within seconds.
   */
  public static void awaitReady(Duration timeout) throws InterruptedException {
    java.util.List<String> services =
        new java.util.ArrayList<>(java.util.List.of("user", "mail", "chat", "frontend"));
    if ("2".equals(System.getenv("CHAT_INSTANCES"))) {
      services.add("chat2");
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    for (String service : services) {
      while (true) {
        int status;
        try {
          status = get(url(service) + "/health/ready").statusCode();
        } catch (Exception e) {
          status = 0;
        }
        if (status == 200) {
          break;
        }
        if (System.nanoTime() > deadline) {
          throw new AssertionError(service + " is not ready again after " + timeout);
        }
        Thread.sleep(500);
      }
    }
  }

  /** Waits until something listens on the local port again (a dependency a test restarted). */
  public static void awaitPort(int port, Duration timeout, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      try (java.net.Socket socket = new java.net.Socket()) {
        socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 1000);
        return;
      } catch (java.io.IOException e) {
        Thread.sleep(200);
      }
    }
    throw new AssertionError(what + " did not come back on port " + port);
  }

  public static HttpResponse<String> get(String url) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
