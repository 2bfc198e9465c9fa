package io.chatapp.system.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.system.Mailbox;
import io.chatapp.system.Stack;
import io.chatapp.system.TestImages;
import io.chatapp.system.UserApi;
import io.chatapp.system.chat.ChatClient;
import io.chatapp.system.realtime.Socket;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The four applications deployed on a real Payara Server by {@code config/payara-server-test}, as
 * the README's deployment section says, each at the root of its own HTTP listener ({@code
 * stack.url.<service>}): ready, a login with the mailed code, a chat, a text and an image delivered
 * over the WebSocket, the image fetched back. Not part of the system tests against Payara Micro.
 */
class PayaraServerSmokeIT {

  private static final Duration MAIL = Duration.ofSeconds(60);

  /**
   * On Payara Server one {@code /health/ready} answers for every application of the server, on each
   * of their listeners: every check of every application is in it.
   */
  @ParameterizedTest
  @ValueSource(strings = {"user", "mail", "chat", "frontend"})
  void everyApplicationAnswersReady(String service) throws Exception {
    HttpResponse<String> ready = Stack.get(Stack.url(service) + "/health/ready");
    assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
    assertThat(ready.body())
        .contains("\"status\":\"UP\"")
        .contains("\"mongodb\"", "\"redis\"", "\"rabbitmq\"", "\"smtp\"")
        .contains("\"user-service\"", "\"chat-service\"");
  }

  /** What config/payara/*.asadmin do on Payara Micro, done by asadmin on the server. */
  @ParameterizedTest
  @ValueSource(strings = {"user", "mail", "chat", "frontend"})
  void noAnswerNamesTheServerAndMetricsAreNotPublic(String service) throws Exception {
    HttpResponse<String> live = Stack.get(Stack.url(service) + "/health/live");
    assertThat(live.statusCode()).isEqualTo(200);
    assertThat(live.headers().firstValue("Server")).isEmpty();
    assertThat(live.headers().firstValue("X-Powered-By")).isEmpty();
    assertThat(Stack.get(Stack.url(service) + "/metrics").statusCode()).isIn(403, 404);
  }

  @Test
  void theWebUiShowsItsLoginPage() throws Exception {
    HttpResponse<String> page = Stack.get(Stack.url("frontend") + "/login.xhtml");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("<form");
  }

  @Test
  void twoPeopleLogInWithTheMailedCodeAndChatWithTextAndAnImage() throws Exception {
    ChatClient ann = logIn("server-ann");
    ChatClient bob = logIn("server-bob");

    ChatClient.Response chat = ann.startChat(bob);
    assertThat(chat.status()).as(chat.body()).isIn(200, 201);
    String chatId = chat.json().getString("chatId");

    BlockingQueue<JsonObject> bobsFrames = new LinkedBlockingQueue<>();
    try (Socket socket =
        Socket.bearer(
            Stack.url("chat"),
            bob.token(),
            text -> bobsFrames.add(Json.createReader(new StringReader(text)).readObject()))) {
      ChatClient.Response text = ann.sendText(chatId, "hello from Payara Server");
      assertThat(text.status()).as(text.body()).isEqualTo(201);
      String textId = text.json().getJsonObject("message").getString("_id");
      JsonObject delivered = awaitMessage(bobsFrames, textId);
      assertThat(delivered.getString("text")).isEqualTo("hello from Payara Server");

      ChatClient.Response image =
          ann.sendImage(chatId, "a picture", TestImages.png(320, 240), "p.png");
      assertThat(image.status()).as(image.body()).isEqualTo(201);
      JsonObject sent = image.json().getJsonObject("message");
      assertThat(sent.getString("messageType")).isEqualTo("image");
      JsonObject announced = awaitMessage(bobsFrames, sent.getString("_id"));
      String url = announced.getJsonObject("image").getString("url");
      assertThat(url).startsWith(Stack.browserUrl("chat") + "/api/v1/media/");

      HttpResponse<byte[]> fetched = bob.download(url.replace("localhost", "127.0.0.1"));
      assertThat(fetched.statusCode()).isEqualTo(200);
      assertThat(fetched.headers().firstValue("Content-Type")).hasValue("image/png");
      BufferedImage shown = ImageIO.read(new ByteArrayInputStream(fetched.body()));
      assertThat(shown.getWidth()).isEqualTo(320);
      assertThat(shown.getHeight()).isEqualTo(240);
    }

    JsonObject history = bob.get("/message/" + chatId).json();
    assertThat(history.getJsonArray("messages")).hasSize(2);
  }

  /** Logs a new person in with the code from the local mailbox, as they would read it. */
  private static ChatClient logIn(String purpose) throws Exception {
    return ChatClient.of(
        UserApi.logIn(UserApi.newEmail(purpose), email -> Mailbox.awaitCode(email, MAIL)));
  }

  /** The message of the {@code message:new} frame for that id, waiting up to 30 s for it. */
  private static JsonObject awaitMessage(BlockingQueue<JsonObject> frames, String id)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      JsonObject frame = frames.poll(200, TimeUnit.MILLISECONDS);
      if (frame != null && "message:new".equals(frame.getString("event"))) {
        JsonObject message = frame.getJsonObject("data").getJsonObject("message");
        if (id.equals(message.getString("_id"))) {
          return message;
        }
      }
    }
    throw new AssertionError("no message:new frame for " + id + " within 30 s");
  }
}
