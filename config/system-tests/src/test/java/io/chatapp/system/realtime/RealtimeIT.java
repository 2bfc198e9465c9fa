package io.chatapp.system.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.system.Jwts;
import io.chatapp.system.Stack;
import io.chatapp.system.UserApi;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The WebSocket contract against the running stack with two chat-war instances: delivery to every
 * session, typing with its expiry, read receipts, delivery receipts, refusals of forged identities
 * and foreign origins, a stalled client, and everything across instances.
 */
class RealtimeIT {

  private static UserApi.Session alice;
  private static UserApi.Session bob;
  private static UserApi.Session carol;
  private static String chatId;

  @BeforeAll
  static void twoUsersWithAChat() throws Exception {
    Stack.awaitReady(Duration.ofSeconds(90));
    alice = UserApi.logIn(UserApi.newEmail("rt-alice"));
    bob = UserApi.logIn(UserApi.newEmail("rt-bob"));
    carol = UserApi.logIn(UserApi.newEmail("rt-carol"));
    HttpResponse<String> chat =
        post("/chat/new", alice, "{\"otherUserId\":\"" + bob.userId() + "\"}");
    assertThat(chat.statusCode()).as(chat.body()).isIn(200, 201);
    chatId = json(chat.body()).getString("chatId");
  }

  @Test
  void aMessageReachesEverySessionOfBothMembersAndIsDelivered() throws Exception {
    try (Socket aliceTab1 = Socket.bearer(Stack.url("chat"), alice.accessToken());
        Socket aliceTab2 = Socket.bearer(Stack.url("chat2"), alice.accessToken());
        Socket bobPhone = Socket.bearer(Stack.url("chat"), bob.accessToken());
        Socket bobLaptop = Socket.bearer(Stack.url("chat2"), bob.accessToken())) {
      HttpResponse<String> sent = send(alice, "hello on every device");
      assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
      String messageId = json(sent.body()).getJsonObject("message").getString("_id");
      for (Socket socket : List.of(aliceTab1, aliceTab2, bobPhone, bobLaptop)) {
        JsonObject frame = socket.await("message:new", data -> hasMessage(data, messageId));
        assertThat(frame.getJsonObject("data").getString("senderId")).isEqualTo(alice.userId());
      }
      aliceTab1.await("message:delivered", data -> listsId(data, messageId));
      aliceTab2.await("message:delivered", data -> listsId(data, messageId));
    }
  }

  @Test
  void typingCrossesInstancesAndExpiresAfterFourSeconds() throws Exception {
    try (Socket aliceSocket = Socket.bearer(Stack.url("chat"), alice.accessToken());
        Socket bobSocket = Socket.bearer(Stack.url("chat2"), bob.accessToken())) {
      JsonObject spoofed =
          Json.createObjectBuilder().add("chatId", chatId).add("userId", bob.userId()).build();
      aliceSocket.emit("typing:start", spoofed);
      JsonObject typing = bobSocket.await("typing:status", data -> isTyping(data, true));
      assertThat(typing.getJsonObject("data").getString("userId"))
          .as("the server trusts the socket's identity, not the frame")
          .isEqualTo(alice.userId());
      long started = System.nanoTime();
      bobSocket.await("typing:status", data -> isTyping(data, false));
      long seconds = (System.nanoTime() - started) / 1_000_000_000L;
      assertThat(seconds).isBetween(3L, 8L);

      bobSocket.clear();
      aliceSocket.emit("typing:start", Json.createObjectBuilder().add("chatId", chatId).build());
      bobSocket.await("typing:status", data -> isTyping(data, true));
      aliceSocket.emit("typing:stop", Json.createObjectBuilder().add("chatId", chatId).build());
      bobSocket.await("typing:status", data -> isTyping(data, false));
    }
  }

  @Test
  void readReceiptsReachTheSenderAcrossInstances() throws Exception {
    try (Socket aliceSocket = Socket.bearer(Stack.url("chat"), alice.accessToken());
        Socket bobSocket = Socket.bearer(Stack.url("chat2"), bob.accessToken())) {
      HttpResponse<String> sent = send(alice, "please read me");
      String messageId = json(sent.body()).getJsonObject("message").getString("_id");
      bobSocket.await("message:new", data -> hasMessage(data, messageId));
      bobSocket.emit(
          "message:read",
          Json.createObjectBuilder()
              .add("chatId", chatId)
              .add("messageIds", Json.createArrayBuilder().add(messageId))
              .build());
      aliceSocket.await("message:read", data -> listsId(data, messageId));
    }
  }

  @Test
  void aRecipientViewingTheChatReadsAtOnceOthersGetChatRefresh() throws Exception {
    try (Socket aliceSocket = Socket.bearer(Stack.url("chat"), alice.accessToken());
        Socket bobSocket = Socket.bearer(Stack.url("chat2"), bob.accessToken())) {
      HttpResponse<String> first = send(alice, "not looking yet");
      String firstId = json(first.body()).getJsonObject("message").getString("_id");
      bobSocket.await(
          "chat:refresh", data -> data.asJsonObject().getString("chatId").equals(chatId));

      bobSocket.emit("viewing:chat", chatId);
      bobSocket.emit("join:chat", chatId);
      bobSocket.await("user:joined:room");
      HttpResponse<String> second = send(alice, "now looking");
      String secondId = json(second.body()).getJsonObject("message").getString("_id");
      aliceSocket.await("message:read", data -> listsId(data, secondId));
      assertThat(firstId).isNotEqualTo(secondId);
      bobSocket.emit("not:viewing:chat", JsonValue.NULL);
    }
  }

  @Test
  void outsidersAndBadFramesAreRefusedWithoutHarm() throws Exception {
    try (Socket carolSocket = Socket.bearer(Stack.url("chat"), carol.accessToken());
        Socket bobSocket = Socket.bearer(Stack.url("chat"), bob.accessToken())) {
      carolSocket.emit("join:chat", chatId);
      carolSocket.await("error");
      carolSocket.clear();
      carolSocket.emit("typing:start", Json.createObjectBuilder().add("chatId", chatId).build());
      carolSocket.await("error");
      assertThat(bobSocket.arrives("typing:status", data -> true, Duration.ofSeconds(1))).isFalse();
      carolSocket.clear();
      carolSocket.sendRaw("this is not json");
      carolSocket.await("error");
      carolSocket.clear();
      carolSocket.emit("no:such:event", "x");
      carolSocket.await("error");
      carolSocket.clear();
      bobSocket.emit("join:chat", "xyz");
      assertThat(bobSocket.await("error").getJsonObject("data").getString("message"))
          .contains("chat id");
      bobSocket.clear();
      bobSocket.emit(
          "message:read",
          Json.createObjectBuilder()
              .add("chatId", chatId)
              .add("messageIds", Json.createArrayBuilder().add("bad"))
              .build());
      assertThat(bobSocket.await("error").getJsonObject("data").getString("message"))
          .contains("message id");
      bobSocket.clear();
      carolSocket.sendRaw("x".repeat(70_000));
      assertThat(carolSocket.closed.get(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(1009);

      HttpResponse<String> sent = send(alice, "bob still hears");
      String messageId = json(sent.body()).getJsonObject("message").getString("_id");
      bobSocket.await("message:new", data -> hasMessage(data, messageId));
    }
  }

  @Test
  void handshakesWithoutAValidTokenOrFromAForeignOriginAreRefused() throws Exception {
    assertRefused("Authorization", "Bearer not-a-token");
    assertRefused("Authorization", "Bearer " + alice.accessToken() + "x");
    assertRefused("Cookie", "accessToken=" + alice.accessToken(), "Origin", "http://evil.example");
    assertRefused();
    try (Socket fromUi =
        Socket.open(
            Stack.url("chat"),
            true,
            "Cookie",
            "accessToken=" + alice.accessToken(),
            "Origin",
            Stack.browserUrl("frontend"))) {
      fromUi.await("getOnlineUsers");
    }
  }

  @Test
  void aSocketWhoseTokenExpiresIsClosedWithTheRefreshCode() throws Exception {
    JsonObject claims = Jwts.claims(alice.accessToken());
    long soon = java.time.Instant.now().getEpochSecond() + 3;
    String shortLived =
        Jwts.sign(Json.createObjectBuilder(claims).add("exp", soon).build(), Jwts.stackKey());
    try (Socket socket = Socket.bearer(Stack.url("chat"), shortLived)) {
      assertThat(socket.closed.get(20, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(4401);
    }
  }

  @Test
  void aStalledClientDoesNotHoldUpTheOthers() throws Exception {
    try (Socket stalled = Socket.stalled(Stack.url("chat"), bob.accessToken());
        Socket reader = Socket.bearer(Stack.url("chat"), bob.accessToken())) {
      List<String> ids = new ArrayList<>();
      String padding = "x".repeat(3000);
      for (int i = 0; i < 60; i++) {
        HttpResponse<String> sent = send(alice, i + " " + padding);
        assertThat(sent.statusCode()).isEqualTo(201);
        Thread.sleep(40); // within the 20 messages a second one user may send
        ids.add(json(sent.body()).getJsonObject("message").getString("_id"));
      }
      String last = ids.get(ids.size() - 1);
      reader.await("message:new", data -> hasMessage(data, last));
      assertThat(
              reader.frames.stream()
                  .filter(f -> f.getString("event").equals("message:new"))
                  .count())
          .isGreaterThanOrEqualTo(60);
    }
  }

  private static void assertRefused(String... headers) {
    try {
      Socket.open(Stack.url("chat"), true, headers).close();
      throw new AssertionError("the handshake was accepted");
    } catch (Exception e) {
      Throwable cause = e instanceof CompletionException || e.getCause() != null ? e.getCause() : e;
      assertThat(String.valueOf(cause)).containsAnyOf("401", "403", "WebSocketHandshakeException");
    }
  }

  private static boolean hasMessage(JsonValue data, String messageId) {
    return data.asJsonObject().getJsonObject("message").getString("_id").equals(messageId);
  }

  private static boolean listsId(JsonValue data, String messageId) {
    return data.asJsonObject().getJsonArray("messageIds").stream()
        .anyMatch(id -> id.toString().equals("\"" + messageId + "\""));
  }

  private static boolean isTyping(JsonValue data, boolean typing) {
    JsonObject object = data.asJsonObject();
    return object.getString("chatId").equals(chatId) && object.getBoolean("isTyping") == typing;
  }

  private static HttpResponse<String> send(UserApi.Session sender, String text) throws Exception {
    return post(
        "/message",
        sender,
        Json.createObjectBuilder().add("chatId", chatId).add("text", text).build().toString());
  }

  private static HttpResponse<String> post(String path, UserApi.Session session, String json)
      throws Exception {
    return Stack.HTTP.send(
        HttpRequest.newBuilder(URI.create(Stack.url("chat") + "/api/v1" + path))
            .header("Authorization", "Bearer " + session.accessToken())
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .timeout(Duration.ofSeconds(15))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static JsonObject json(String body) {
    return Json.createReader(new StringReader(body)).readObject();
  }
}
