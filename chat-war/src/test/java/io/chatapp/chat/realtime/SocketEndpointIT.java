package io.chatapp.chat.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.chatapp.chat.realtime.SocketClient.Closed;
import io.chatapp.chat.realtime.SocketClient.HandshakeRefused;
import io.chatapp.chat.support.TestBed;
import io.chatapp.testsupport.TestTokens;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The WebSocket endpoint in Payara Micro, from outside like a browser: the handshake guard (a
 * servlet filter in front of Tyrus' upgrade), a message travelling from the REST resource through
 * the pipeline to the recipient's socket, and a socket closed by the container's timer when its
 * token expires.
 */
@RunAsClient
@ExtendWith(ArquillianExtension.class)
class SocketEndpointIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return TestBed.deployment();
  }

  @ArquillianResource URL base;

  final TestBed bed = TestBed.get();
  final HttpClient http = HttpClient.newHttpClient();

  @Test
  void aHandshakeWithoutAValidAccessTokenIsRefusedWith401() {
    assertThat(refusal(Map.of())).isEqualTo(401);
    assertThat(refusal(bearer(TestTokens.forged(bed.ann.value())))).isEqualTo(401);
    assertThat(refusal(bearer(bed.token(bed.ann, Duration.ofSeconds(-5))))).isEqualTo(401);
  }

  @Test
  void aCookieLoginOpensASocketOnlyFromTheWebUi() throws Exception {
    String cookie = "accessToken=" + bed.token(bed.ann, Duration.ofMinutes(5));

    assertThat(refusal(Map.of("Cookie", cookie, "Origin", "http://evil.test"))).isEqualTo(403);
    try (SocketClient socket =
        SocketClient.open(ws(), Map.of("Cookie", cookie, "Origin", TestBed.UI_ORIGIN))) {
      assertThat(socket).isNotNull();
    }
  }

  @Test
  void aMessagePostedOverRestArrivesOnTheRecipientsSocket() throws Exception {
    String annToken = bed.token(bed.ann, Duration.ofMinutes(5));
    try (SocketClient bobsSocket =
        SocketClient.open(ws(), bearer(bed.token(bed.bob, Duration.ofMinutes(5))))) {
      String chatId =
          post(
                  annToken,
                  "api/v1/chat/new",
                  Json.createObjectBuilder().add("otherUserId", bed.bob.value()).build())
              .getString("chatId");
      String text = "over the socket " + UUID.randomUUID();

      post(
          annToken,
          "api/v1/message",
          Json.createObjectBuilder().add("chatId", chatId).add("text", text).build());

      JsonObject frame =
          bobsSocket.next("message:new", Duration.ofSeconds(15)).getJsonObject("data");
      assertThat(frame.getString("chatId")).isEqualTo(chatId);
      assertThat(frame.getString("senderId")).isEqualTo(bed.ann.value());
      assertThat(frame.getJsonObject("message").getString("text")).isEqualTo(text);
    }
  }

  @Test
  void aSocketIsClosedWith4401WhenItsTokenExpires() throws Exception {
    try (SocketClient socket =
        SocketClient.open(ws(), bearer(bed.token(bed.cid, Duration.ofSeconds(3))))) {
      Closed closed = socket.awaitClose(Duration.ofSeconds(15));

      assertThat(closed.status()).isEqualTo(4401);
    }
  }

  private int refusal(Map<String, String> headers) {
    HandshakeRefused refused =
        catchThrowableOfType(
            HandshakeRefused.class, () -> SocketClient.open(ws(), headers).close());
    assertThat(refused).as("the handshake with " + headers.keySet() + " was refused").isNotNull();
    return refused.status;
  }

  private JsonObject post(String token, String path, JsonObject body) throws Exception {
    HttpResponse<String> answer =
        http.send(
            HttpRequest.newBuilder(base.toURI().resolve(path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as(path + ": " + answer.body()).isBetween(200, 201);
    return Json.createReader(new StringReader(answer.body())).readObject();
  }

  private static Map<String, String> bearer(String token) {
    return Map.of("Authorization", "Bearer " + token);
  }

  private URI ws() {
    return URI.create(base.toString().replaceFirst("^http", "ws")).resolve("ws");
  }
}
