package io.chatapp.frontend.backend.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The PATCH of an edit reaches the chat service as sent, and its answer comes back as is. */
class MessageEditsTest {

  private HttpServer chat;
  private final AtomicReference<String> seen = new AtomicReference<>();

  @BeforeEach
  void startChatService() throws IOException {
    chat = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    chat.createContext(
        "/api/v1/message/",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          seen.set(
              exchange.getRequestMethod()
                  + " "
                  + exchange.getRequestURI().getRawPath()
                  + " "
                  + exchange.getRequestHeaders().getFirst("Authorization")
                  + " "
                  + body);
          byte[] answer =
              exchange.getRequestURI().getPath().endsWith("late")
                  ? "{\"message\":\"Too late to edit\"}".getBytes(StandardCharsets.UTF_8)
                  : "{\"message\":{\"_id\":\"m1\",\"text\":\"new\"}}"
                      .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(
              exchange.getRequestURI().getPath().endsWith("late") ? 403 : 200, answer.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
          }
        });
    chat.start();
  }

  @AfterEach
  void stop() {
    chat.stop(0);
  }

  private MessageEdits edits() {
    return new MessageEdits("http://127.0.0.1:" + chat.getAddress().getPort());
  }

  @Test
  void sendsAPatchWithTheBearerAndBody() {
    Answer answer = edits().edit("Bearer abc", "m1", "{\"text\":\"new\"}");

    assertThat(seen.get()).isEqualTo("PATCH /api/v1/message/m1 Bearer abc {\"text\":\"new\"}");
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body()).contains("\"text\":\"new\"");
  }

  @Test
  void aRefusalComesBackWithItsMessage() {
    Answer answer = edits().edit("Bearer abc", "late", "{\"text\":\"new\"}");

    assertThat(answer.status()).isEqualTo(403);
    assertThat(answer.message("")).isEqualTo("Too late to edit");
  }

  @Test
  void anIdIsOnePathSegment() {
    edits().edit("Bearer abc", "../chat/x", "{}");

    assertThat(seen.get()).startsWith("PATCH /api/v1/message/..%2Fchat%2Fx ");
  }

  @Test
  void anUnreachableServiceIsA503() throws IOException {
    int closed;
    try (ServerSocket probe = new ServerSocket(0)) {
      closed = probe.getLocalPort();
    }
    Answer answer = new MessageEdits("http://127.0.0.1:" + closed).edit("Bearer abc", "m1", "{}");

    assertThat(answer.status()).isEqualTo(503);
    assertThat(answer.message("")).contains("chat service is unreachable");
  }
}
