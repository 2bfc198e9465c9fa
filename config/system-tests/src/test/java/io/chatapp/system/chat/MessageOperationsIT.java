package io.chatapp.system.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.system.Stack;
import io.chatapp.system.TestImages;
import io.chatapp.system.realtime.Socket;
import io.chatapp.testsupport.MultipartForm;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Editing, deleting, replying to and reacting to messages against the running stack with two
 * chat-war instances: Ann's socket on the first, Bob's on the second, and every change told to both
 * of them and to no one else, shown on the history page read through either instance and on the
 * chat list; every refusal a 4xx with {@code {"message"}}.
 */
class MessageOperationsIT extends TwoMembersAndAnOutsider {

  private static final Duration QUIET = Duration.ofSeconds(2);

  private static Socket annSocket;
  private static Socket bobSocket;
  private static Socket eveSocket;

  @BeforeAll
  static void sockets() throws Exception {
    Stack.awaitReady(Duration.ofSeconds(90));
    annSocket = Socket.bearer(Stack.url("chat"), ann.token());
    bobSocket = Socket.bearer(Stack.url("chat2"), bob.token());
    eveSocket = Socket.bearer(Stack.url("chat2"), eve.token());
  }

  @AfterAll
  static void closeSockets() {
    for (Socket socket : new Socket[] {annSocket, bobSocket, eveSocket}) {
      if (socket != null) {
        socket.close();
      }
    }
  }

  @Test
  void theSenderEditsAMessageAndEveryoneSeesTheNewText() throws Exception {
    String id = stored(ann, ann.sendText(chatId, "see you at 8"));

    ChatClient.Response edited =
        call(ann, "PATCH", "/message/" + id, "{\"text\":\" see you at 9 \"}");
    assertThat(edited.status()).as(edited.body()).isEqualTo(200);
    JsonObject message = edited.json().getJsonObject("message");
    assertThat(message.getString("_id")).isEqualTo(id);
    assertThat(message.getString("text")).isEqualTo("see you at 9");
    assertThat(message.getString("editedAt")).isNotBlank();

    for (Socket socket : List.of(annSocket, bobSocket)) {
      JsonObject frame =
          socket.await(
              "message:edited", data -> about(data, "message") && messageId(data).equals(id));
      assertThat(frame.getJsonObject("data").getString("chatId")).isEqualTo(chatId);
      assertThat(frame.getJsonObject("data").getJsonObject("message").getString("text"))
          .isEqualTo("see you at 9");
    }
    assertThat(eveSocket.arrives("message:edited", data -> true, QUIET)).isFalse();

    JsonObject read = find(history(bob, "chat2"), id);
    assertThat(read.getString("text")).isEqualTo("see you at 9");
    assertThat(read.getString("editedAt")).isEqualTo(message.getString("editedAt"));
    assertThat(latestMessage(bob).getString("text")).isEqualTo("see you at 9");

    refusedWith(403, call(bob, "PATCH", "/message/" + id, "{\"text\":\"mine now\"}"));
    refusedWith(403, call(eve, "PATCH", "/message/" + id, "{\"text\":\"mine now\"}"));
    refusedWith(404, call(ann, "PATCH", "/message/" + "0".repeat(24), "{\"text\":\"x\"}"));
    refusedWith(400, call(ann, "PATCH", "/message/zz", "{\"text\":\"x\"}"));
    refusedWith(400, call(ann, "PATCH", "/message/" + id, "{\"text\":\"   \"}"));
    refusedWith(400, call(ann, "PATCH", "/message/" + id, "{}"));
    refusedWith(400, call(ann, "PATCH", "/message/" + id, "{\"text\":5}"));
    refusedWith(400, call(ann, "PATCH", "/message/" + id, "["));
    refusedWith(
        400, call(ann, "PATCH", "/message/" + id, "{\"text\":\"" + "x".repeat(4001) + "\"}"));
    assertThat(find(history(ann, "chat"), id).getString("text")).isEqualTo("see you at 9");
  }

  @Test
  void deletingLeavesAMarkerTakesTheImageAwayAndIsToldOnce() throws Exception {
    String id = stored(ann, ann.sendImage(chatId, "oops", TestImages.png(80, 60), "oops.png"));
    String url = find(history(ann, "chat"), id).getJsonObject("image").getString("url");
    assertThat(ChatClient.download(url, bob.token()).statusCode()).isEqualTo(200);

    refusedWith(403, call(bob, "DELETE", "/message/" + id, null));
    refusedWith(403, call(eve, "DELETE", "/message/" + id, null));
    refusedWith(404, call(ann, "DELETE", "/message/" + "0".repeat(24), null));
    refusedWith(400, call(ann, "DELETE", "/message/zz", null));

    ChatClient.Response deleted = call(ann, "chat2", "DELETE", "/message/" + id, null);
    assertThat(deleted.status()).as(deleted.body()).isEqualTo(200);
    JsonObject marker = deleted.json().getJsonObject("message");
    assertThat(marker.keySet()).containsExactly("_id", "chatId", "sender", "deleted", "createdAt");
    assertThat(marker.getString("_id")).isEqualTo(id);
    assertThat(marker.getString("chatId")).isEqualTo(chatId);
    assertThat(marker.getString("sender")).isEqualTo(ann.id);
    assertThat(marker.getBoolean("deleted")).isTrue();

    for (Socket socket : List.of(annSocket, bobSocket)) {
      JsonObject frame =
          socket.await(
              "message:deleted", data -> data.asJsonObject().getString("messageId").equals(id));
      assertThat(frame.getJsonObject("data").getString("chatId")).isEqualTo(chatId);
    }
    assertThat(eveSocket.arrives("message:deleted", data -> true, QUIET)).isFalse();

    assertThat(find(history(bob, "chat2"), id)).isEqualTo(marker);
    assertThat(find(history(bob, "chat"), id)).isEqualTo(marker);
    assertThat(ChatClient.download(url, bob.token()).statusCode())
        .as("the image is gone from the store")
        .isEqualTo(404);
    JsonObject latest = latestMessage(bob);
    assertThat(latest.getBoolean("deleted")).isTrue();
    assertThat(latest.getString("text")).isEmpty();

    ChatClient.Response again = call(ann, "DELETE", "/message/" + id, null);
    assertThat(again.status()).as("deleting twice is idempotent").isEqualTo(200);
    assertThat(again.json().getJsonObject("message")).isEqualTo(marker);
    Thread.sleep(QUIET.toMillis());
    for (Socket socket : List.of(annSocket, bobSocket)) {
      assertThat(
              socket.count(
                  "message:deleted", data -> data.asJsonObject().getString("messageId").equals(id)))
          .as("no second message:deleted")
          .isEqualTo(1);
    }
    refusedWith(409, call(ann, "PATCH", "/message/" + id, "{\"text\":\"back\"}"));
    refusedWith(409, call(bob, "POST", "/message/" + id + "/reactions", "{\"emoji\":\"👍\"}"));

    String next = stored(bob, bob.sendText(chatId, "what was that?"));
    assertThat(latestMessage(ann).getString("text")).isEqualTo("what was that?");
    assertThat(latestMessage(ann).containsKey("deleted")).isFalse();
    assertThat(next).isNotBlank();
  }

  @Test
  void aReplyQuotesTheOriginalUntilItIsDeleted() throws Exception {
    String original = stored(ann, ann.sendText(chatId, "x".repeat(150)));

    ChatClient.Response reply =
        ann.postJson(
            "/message",
            Json.createObjectBuilder()
                .add("chatId", chatId)
                .add("text", "agreed")
                .add("replyTo", original)
                .build()
                .toString());
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    JsonObject quote = reply.json().getJsonObject("message").getJsonObject("replyTo");
    assertThat(quote.getString("_id")).isEqualTo(original);
    assertThat(quote.getString("sender")).isEqualTo(ann.id);
    assertThat(quote.getString("text")).isEqualTo("x".repeat(100));
    String replyId = stored(ann, reply);
    JsonObject delivered = bobSocket.await("message:new", data -> messageId(data).equals(replyId));
    assertThat(delivered.getJsonObject("data").getJsonObject("message").getJsonObject("replyTo"))
        .isEqualTo(quote);

    String image = stored(ann, ann.sendImage(chatId, null, TestImages.png(20, 20), "a.png"));
    ChatClient.Response toImage =
        multipart(
            bob,
            Map.of("chatId", chatId, "text", "nice one", "replyTo", image),
            TestImages.png(30, 20));
    assertThat(toImage.status()).as(toImage.body()).isEqualTo(201);
    JsonObject imageQuote = toImage.json().getJsonObject("message").getJsonObject("replyTo");
    assertThat(imageQuote.getString("text")).isEqualTo("📷 Image");
    assertThat(toImage.json().getJsonObject("message").getString("messageType")).isEqualTo("image");
    ChatClient.Response textReply =
        multipart(bob, Map.of("chatId", chatId, "text", "so?", "replyTo", original), null);
    assertThat(textReply.status()).as(textReply.body()).isEqualTo(201);
    assertThat(textReply.json().getJsonObject("message").getJsonObject("replyTo").getString("_id"))
        .isEqualTo(original);

    ChatClient carol = ChatClient.newUser();
    String otherChat = carol.startChat(ann).json().getString("chatId");
    String elsewhere = stored(carol, carol.sendText(otherChat, "in another chat"));
    refusedWith(400, replyTo(bob, elsewhere));
    refusedWith(400, replyTo(bob, "0".repeat(24)));
    refusedWith(400, replyTo(bob, "zz"));
    refusedWith(403, replyTo(eve, original));

    assertThat(call(ann, "DELETE", "/message/" + original, null).status()).isEqualTo(200);
    JsonObject afterDelete = find(history(bob, "chat2"), replyId).getJsonObject("replyTo");
    assertThat(afterDelete.getString("_id")).isEqualTo(original);
    assertThat(afterDelete.getString("sender")).isEqualTo(ann.id);
    assertThat(afterDelete.containsKey("text")).as("no text once deleted").isFalse();
    assertThat(afterDelete.getBoolean("deleted")).isTrue();
    refusedWith(400, replyTo(bob, original));
  }

  @Test
  void reactionsToggleOnePerPersonAndEveryoneSeesThem() throws Exception {
    String id = stored(ann, ann.sendText(chatId, "party at mine"));

    JsonObject thumbs = react(bob, id, "👍");
    assertThat(thumbs.getString("chatId")).isEqualTo(chatId);
    assertThat(thumbs.getString("messageId")).isEqualTo(id);
    assertThat(thumbs.getJsonObject("reactions"))
        .isEqualTo(
            Json.createObjectBuilder().add("👍", Json.createArrayBuilder().add(bob.id)).build());
    for (Socket socket : List.of(annSocket, bobSocket)) {
      JsonObject frame =
          socket.await(
              "message:reaction",
              data ->
                  data.asJsonObject().getString("messageId").equals(id)
                      && data.asJsonObject().getJsonObject("reactions").containsKey("👍"));
      assertThat(frame.getJsonObject("data").getString("chatId")).isEqualTo(chatId);
    }

    react(ann, id, "👍");
    JsonObject replaced = react(bob, id, "❤️");
    assertThat(replaced.getJsonObject("reactions"))
        .isEqualTo(
            Json.createObjectBuilder()
                .add("👍", Json.createArrayBuilder().add(ann.id))
                .add("❤️", Json.createArrayBuilder().add(bob.id))
                .build());
    annSocket.await(
        "message:reaction",
        data ->
            data.asJsonObject().getString("messageId").equals(id)
                && data.asJsonObject().getJsonObject("reactions").containsKey("❤️"));
    assertThat(find(history(bob, "chat2"), id).getJsonObject("reactions"))
        .isEqualTo(replaced.getJsonObject("reactions"));

    JsonObject takenBack = react(bob, id, "❤️");
    assertThat(takenBack.getJsonObject("reactions"))
        .isEqualTo(
            Json.createObjectBuilder().add("👍", Json.createArrayBuilder().add(ann.id)).build());
    react(ann, id, "👍");
    assertThat(find(history(ann, "chat"), id).containsKey("reactions")).isFalse();

    for (String emoji : List.of("👍🏽", "👨‍👩‍👧", "🇫🇷")) {
      JsonObject one = react(bob, id, emoji);
      assertThat(one.getJsonObject("reactions").keySet()).containsExactly(emoji);
    }
    for (String notOne : List.of("a", "👍👍", "", " ")) {
      refusedWith(
          400,
          call(
              bob,
              "POST",
              "/message/" + id + "/reactions",
              Json.createObjectBuilder().add("emoji", notOne).build().toString()));
    }
    refusedWith(400, call(bob, "POST", "/message/" + id + "/reactions", "{}"));
    refusedWith(403, call(eve, "POST", "/message/" + id + "/reactions", "{\"emoji\":\"👍\"}"));
    refusedWith(
        404, call(bob, "POST", "/message/" + "0".repeat(24) + "/reactions", "{\"emoji\":\"👍\"}"));
    refusedWith(400, call(bob, "POST", "/message/zz/reactions", "{\"emoji\":\"👍\"}"));
    assertThat(eveSocket.arrives("message:reaction", data -> true, QUIET)).isFalse();
  }

  private static JsonObject react(ChatClient who, String id, String emoji) throws Exception {
    ChatClient.Response response =
        call(
            who,
            "POST",
            "/message/" + id + "/reactions",
            Json.createObjectBuilder().add("emoji", emoji).build().toString());
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json();
  }

  private static ChatClient.Response replyTo(ChatClient who, String original) throws Exception {
    return who.postJson(
        "/message",
        Json.createObjectBuilder()
            .add("chatId", chatId)
            .add("text", "re")
            .add("replyTo", original)
            .build()
            .toString());
  }

  /** The id of a message sent with 201, once the sender reads it in the history (stored). */
  private static String stored(ChatClient sender, ChatClient.Response sent) throws Exception {
    assertThat(sent.status()).as(sent.body()).isEqualTo(201);
    JsonObject message = sent.json().getJsonObject("message");
    String id = message.getString("_id");
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      if (sender.messageIds(message.getString("chatId")).contains(id)) {
        return id;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("message " + id + " never stored");
  }

  private static JsonObject history(ChatClient reader, String instance) throws Exception {
    ChatClient.Response page =
        call(reader, instance, "GET", "/message/" + chatId + "?limit=100", null);
    assertThat(page.status()).as(page.body()).isEqualTo(200);
    return page.json();
  }

  private static JsonObject find(JsonObject history, String id) {
    return history.getJsonArray("messages").stream()
        .map(JsonValue::asJsonObject)
        .filter(message -> message.getString("_id").equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError("message " + id + " not in the history"));
  }

  private static JsonObject latestMessage(ChatClient user) throws Exception {
    for (var entry : user.get("/chat/all").json().getJsonArray("chats")) {
      JsonObject chat = entry.asJsonObject().getJsonObject("chat");
      if (chat.getString("_id").equals(chatId)) {
        return chat.getJsonObject("latestMessage");
      }
    }
    throw new AssertionError("chat " + chatId + " not listed");
  }

  private static boolean about(JsonValue data, String field) {
    return data.asJsonObject().containsKey(field);
  }

  private static String messageId(JsonValue data) {
    return data.asJsonObject().getJsonObject("message").getString("_id");
  }

  private static void refusedWith(int status, ChatClient.Response response) {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
    assertThat(response.json().getString("message")).isNotBlank();
  }

  private static ChatClient.Response call(ChatClient who, String method, String path, String body)
      throws Exception {
    return call(who, "chat", method, path, body);
  }

  /** A request to chat-war instance {@code instance} ("chat" or "chat2") as {@code who}. */
  private static ChatClient.Response call(
      ChatClient who, String instance, String method, String path, String body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(Stack.url(instance) + "/api/v1" + path))
            .timeout(Duration.ofSeconds(15))
            .header("Authorization", "Bearer " + who.token());
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(body));
    }
    return ChatClient.send(request.build());
  }

  /** {@code POST /message} as multipart with these text fields and, when not null, a PNG. */
  private static ChatClient.Response multipart(
      ChatClient who, Map<String, String> fields, byte[] png) throws Exception {
    MultipartForm form = new MultipartForm();
    fields.forEach(form::field);
    if (png != null) {
      form.file("image", "r.png", "image/png", png);
    }
    return ChatClient.send(
        HttpRequest.newBuilder(URI.create(ChatClient.chatApi() + "/message"))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + who.token())
            .header("Content-Type", form.contentType())
            .POST(form.publisher())
            .build());
  }
}
