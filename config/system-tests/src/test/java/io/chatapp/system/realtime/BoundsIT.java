package io.chatapp.system.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.system.Stack;
import io.chatapp.system.UserApi;
import io.chatapp.system.chat.ChatClient;
import jakarta.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bounds of one client, each refused visibly while everyone else carries on: frames a socket
 * may send, repeats that change nothing, sockets a user may hold, messages a user may send; and of
 * everyone at once, upgrades under way. (Defaults: 20 frames a second in bursts of 40, 20 sockets a
 * user, 20 messages a second in bursts of 40, 4 upgrades at once.)
 */
class BoundsIT {

  private static UserApi.Session ann;
  private static UserApi.Session ben;
  private static String chatId;

  @BeforeAll
  static void twoUsersWithAChat() throws Exception {
    Stack.awaitReady(Duration.ofSeconds(90));
    ann = UserApi.logIn(UserApi.newEmail("bounds-ann"));
    ben = UserApi.logIn(UserApi.newEmail("bounds-ben"));
    ChatClient.Response chat = ChatClient.startChat(ann.accessToken(), ben.userId());
    assertThat(chat.status()).as(chat.body()).isIn(200, 201);
    chatId = chat.json().getString("chatId");
  }

  @Test
  void aSocketFloodingFramesIsWarnedThenClosedWith1008AndTheUsersOtherSocketCarriesOn()
      throws Exception {
    try (Socket flooder = Socket.bearer(Stack.url("chat"), ann.accessToken());
        Socket calm = Socket.bearer(Stack.url("chat"), ann.accessToken())) {
      // A burst's worth of frames (taken), then as many again refused after the warning: flat out,
      // that is what closes it. Then it waits, and floods on at 200 frames a second only if
      // tokens refilled meanwhile. Writing flat out while the server closed the connection broke
      // the socket ("Broken pipe", seen as -1) before the client read the close frame.
      try {
        for (int i = 0; i < 2 * FRAME_BURST + 1 && !flooder.closed.isDone(); i++) {
          flooder.emit("typing:stop", Json.createObjectBuilder().add("chatId", chatId).build());
        }
        for (int i = 0; i < 200 && !closedWithin(flooder, i == 0 ? 500 : 5); i++) {
          flooder.emit("typing:stop", Json.createObjectBuilder().add("chatId", chatId).build());
        }
      } catch (RuntimeException closedWhileSending) {
        // the server closed it mid-flood, as it should
      }
      assertThat(flooder.closed.get(10, TimeUnit.SECONDS))
          .as("close code (broken by %s)", flooder.error)
          .isEqualTo(1008);
      assertThat(warned(flooder)).as("an error frame warned it first").isTrue();

      ChatClient.Response sent = send(ben, "still here");
      assertThat(sent.status()).as(sent.body()).isEqualTo(201);
      String id = sent.json().getJsonObject("message").getString("_id");
      calm.await(
          "message:new",
          data -> data.asJsonObject().getJsonObject("message").getString("_id").equals(id));
      assertThat(calm.closed).isNotDone();
    }
  }

  /** Frames a socket may send at once ({@code WS_FRAME_BURST}, as the test stack runs it). */
  private static final int FRAME_BURST = 40;

  private static boolean closedWithin(Socket socket, long millis) {
    try {
      socket.closed.get(millis, TimeUnit.MILLISECONDS);
      return true;
    } catch (java.util.concurrent.TimeoutException e) {
      return false;
    } catch (Exception e) {
      return true;
    }
  }

  private static boolean warned(Socket socket) {
    return socket.frames.stream()
        .anyMatch(
            frame ->
                frame.getString("event").equals("error")
                    && frame
                        .getJsonObject("data")
                        .getString("message")
                        .contains("Too many frames"));
  }

  @Test
  void joiningAChatTwiceOnOneSocketIsAnnouncedOnce() throws Exception {
    try (Socket annSocket = Socket.bearer(Stack.url("chat"), ann.accessToken());
        Socket benSocket = Socket.bearer(Stack.url("chat2"), ben.accessToken())) {
      for (int i = 0; i < 10; i++) {
        annSocket.emit("join:chat", chatId);
      }
      benSocket.await("user:joined:room");
      Thread.sleep(1500);
      assertThat(benSocket.frames)
          .filteredOn(frame -> frame.getString("event").equals("user:joined:room"))
          .hasSize(1);
    }
  }

  @Test
  void aUserHoldsAtMostTwentySocketsOverBothInstances() throws Exception {
    UserApi.Session many = UserApi.logIn(UserApi.newEmail("bounds-many"));
    List<Socket> open = new ArrayList<>();
    try {
      for (int i = 0; i < 20; i++) {
        open.add(Socket.bearer(Stack.url(i % 2 == 0 ? "chat" : "chat2"), many.accessToken()));
      }
      try (Socket oneTooMany = Socket.unawaited(Stack.url("chat2"), many.accessToken())) {
        assertThat(oneTooMany.closed.get(10, TimeUnit.SECONDS)).isEqualTo(1008);
      }
      try (Socket someoneElse = Socket.bearer(Stack.url("chat2"), ann.accessToken())) {
        assertThat(someoneElse.closed).as("other users are not affected").isNotDone();
      }
      open.remove(0).close();
      Thread.sleep(500);
      try (Socket again = Socket.bearer(Stack.url("chat2"), many.accessToken())) {
        assertThat(again.closed).as("a place came free").isNotDone();
      }
    } finally {
      open.forEach(Socket::close);
    }
  }

  @Test
  void aUserSendingTooFastGets429WithRetryAfterAndOthersStillSend() throws Exception {
    List<ChatClient.Response> answers = new ArrayList<>();
    ExecutorService senders = Executors.newFixedThreadPool(16);
    try {
      List<Future<ChatClient.Response>> sending = new ArrayList<>();
      for (int i = 0; i < 80; i++) {
        String text = "quick " + i;
        sending.add(senders.submit(() -> send(ann, text)));
      }
      for (Future<ChatClient.Response> answer : sending) {
        answers.add(answer.get());
      }
    } finally {
      senders.shutdownNow();
    }
    ChatClient.Response refused =
        answers.stream().filter(answer -> answer.status() == 429).findFirst().orElseThrow();
    assertThat(refused.json().getString("message")).contains("too fast");
    assertThat(answers)
        .filteredOn(answer -> answer.status() == 201)
        .hasSizeGreaterThanOrEqualTo(40);
    assertThat(answers).allMatch(answer -> answer.status() == 201 || answer.status() == 429);
    assertThat(send(ben, "unaffected").status()).isEqualTo(201);
  }

  @Test
  void aStormOfUpgradesIsRefusedQuicklyWith503PastTheBoundAndEveryRetryOpens() throws Exception {
    List<UserApi.Session> people = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      people.add(UserApi.logIn(UserApi.newEmail("bounds-storm-" + i)));
    }
    HttpClient http = HttpClient.newHttpClient();
    List<CompletableFuture<WebSocket>> upgrades = new ArrayList<>();
    for (int i = 0; i < 120; i++) { // 15 sockets each, under the 20 a user may hold
      upgrades.add(upgrade(http, people.get(i % people.size())));
    }
    List<WebSocket> open = new ArrayList<>();
    List<UserApi.Session> refused = new ArrayList<>();
    try {
      for (int i = 0; i < upgrades.size(); i++) {
        try {
          open.add(upgrades.get(i).get(30, TimeUnit.SECONDS));
        } catch (ExecutionException e) {
          // past ws.handshakes-at-once: a quick 503 that says when to come back, nothing else
          assertThat(e.getCause()).isInstanceOf(WebSocketHandshakeException.class);
          HttpResponse<?> answer = ((WebSocketHandshakeException) e.getCause()).getResponse();
          assertThat(answer.statusCode()).isEqualTo(503);
          assertThat(answer.headers().firstValue("Retry-After")).hasValue("1");
          refused.add(people.get(i % people.size()));
        }
      }
      System.out.printf(
          "upgrade storm: %d of %d opened at once, %d refused with 503%n",
          open.size(), upgrades.size(), refused.size());
      Thread.sleep(1000);
      for (UserApi.Session person : refused) {
        open.add(upgrade(http, person).get(30, TimeUnit.SECONDS));
      }
      assertThat(open).hasSize(upgrades.size());
    } finally {
      open.forEach(socket -> socket.sendClose(WebSocket.NORMAL_CLOSURE, "done"));
    }
  }

  private static CompletableFuture<WebSocket> upgrade(HttpClient http, UserApi.Session person) {
    return http.newWebSocketBuilder()
        .header("Authorization", "Bearer " + person.accessToken())
        .connectTimeout(Duration.ofSeconds(20))
        .buildAsync(
            URI.create(Stack.url("chat").replaceFirst("^http", "ws") + "/ws"),
            new WebSocket.Listener() {});
  }

  private static ChatClient.Response send(UserApi.Session sender, String text) throws Exception {
    return ChatClient.send(
        ChatClient.post(
            Stack.url("chat") + "/api/v1/message",
            "{\"chatId\":\"" + chatId + "\",\"text\":\"" + text + "\"}",
            sender.accessToken()));
  }
}
