package io.chatapp.system.chat;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** chat-war's REST contract against the running stack, with users logged in through user-war. */
class ChatApiIT extends TwoMembersAndAnOutsider {

  @Test
  void theChatIsUniqueAndListedWithTheOtherUser() throws Exception {
    ChatClient.Response again = bob.startChat(ann);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().getString("chatId")).isEqualTo(chatId);

    ChatClient.Response list = bob.get("/chat/all");
    assertThat(list.status()).isEqualTo(200);
    JsonObject entry = list.json().getJsonArray("chats").getJsonObject(0);
    assertThat(entry.getJsonObject("user").getString("_id")).isEqualTo(ann.id);
    assertThat(entry.getJsonObject("chat").getString("_id")).isEqualTo(chatId);
    assertThat(entry.getJsonObject("chat").getJsonArray("users")).hasSize(2);
  }

  @Test
  void aMessageIsSentListedReadAndCounted() throws Exception {
    ChatClient.Response sent = ann.sendText(chatId, "  hello Bob  ");
    assertThat(sent.status()).as(sent.body()).isEqualTo(201);
    JsonObject message = sent.json().getJsonObject("message");
    assertThat(message.getString("text")).isEqualTo("hello Bob");
    assertThat(message.getString("sender")).isEqualTo(ann.id);
    assertThat(message.getString("messageType")).isEqualTo("text");
    assertThat(message.isNull("image")).isTrue();
    assertThat(message.getBoolean("seen")).isFalse();

    awaitUnseen(bob, chatId, 1);
    ChatClient.Response history = bob.get("/message/" + chatId);
    assertThat(history.status()).isEqualTo(200);
    assertThat(history.json().getJsonObject("user").getString("_id")).isEqualTo(ann.id);
    JsonObject read = last(history.json());
    assertThat(read.getString("_id")).isEqualTo(message.getString("_id"));
    assertThat(read.getBoolean("seen")).isTrue();
    assertThat(unseen(bob, chatId)).isZero();
  }

  @Test
  void badInputIsRefusedClearly() throws Exception {
    assertThat(ann.postJson("/chat/new", "{\"otherUserId\":\"nope\"}").status()).isEqualTo(400);
    assertThat(ann.startChat(ann).status()).isEqualTo(400);
    assertThat(ann.postJson("/chat/new", "{\"otherUserId\":\"000000000000000000000000\"}").status())
        .isEqualTo(404);
    assertThat(ann.postJson("/chat/new", "[").status()).isEqualTo(400);
    assertRefused(ann.postJson("/chat/new", "{}"), "otherUserId is required");
    assertRefused(
        ann.postJson("/chat/new", "{\"otherUserId\":5}"),
        "otherUserId has a value that is not a string");
    assertRefused(ann.postJson("/chat/new", "[1]"), "must be a JSON object");
    assertRefused(ann.postJson("/chat/new", "{\"otherUserId\":"), "not valid JSON");
    assertThat(ann.sendText(chatId, "   ").status()).isEqualTo(400);
    assertThat(ann.sendText(chatId, "x".repeat(4001)).status()).isEqualTo(400);
    assertThat(ann.sendText("abc", "hi").status()).isEqualTo(400);
    assertThat(ann.sendText("65a1b2c3d4e5f60718293a99", "hi").status()).isEqualTo(404);
    assertThat(eve.sendText(chatId, "hi").status()).isEqualTo(403);
    assertThat(eve.get("/message/" + chatId).status()).isEqualTo(403);
    assertThat(ann.get("/message/" + chatId + "?limit=101").status()).isEqualTo(400);
    assertThat(ann.get("/message/" + chatId + "?before=zz").status()).isEqualTo(400);
    ChatClient.Response anonymous =
        ChatClient.send(
            HttpRequest.newBuilder(URI.create(ChatClient.chatApi() + "/chat/all"))
                .timeout(Duration.ofSeconds(10))
                .build());
    assertThat(anonymous.status()).isEqualTo(401);
    String multipart =
        "--b\r\nContent-Disposition: form-data; name=\"chatId\"\r\n\r\n"
            + chatId
            + "\r\n--b\r\nContent-Disposition: form-data; name=\"image\"; filename=\"a.png\"\r\n"
            + "Content-Type: image/png\r\n\r\nPNG\r\n--b--\r\n";
    ChatClient.Response image =
        ChatClient.send(
            HttpRequest.newBuilder(URI.create(ChatClient.chatApi() + "/message"))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + ann.token)
                .header("Content-Type", "multipart/form-data; boundary=b")
                .POST(HttpRequest.BodyPublishers.ofString(multipart))
                .build());
    assertThat(image.status()).isEqualTo(415);
    assertThat(image.body()).contains("Only JPG, PNG, GIF and WEBP images can be sent");
  }

  private static void assertRefused(ChatClient.Response response, String says) {
    assertThat(response.status()).as(response.body()).isEqualTo(400);
    assertThat(response.json().getString("message")).contains(says);
  }

  static JsonObject last(JsonObject history) {
    var messages = history.getJsonArray("messages");
    return messages.getJsonObject(messages.size() - 1);
  }

  static int unseen(ChatClient user, String chatId) throws Exception {
    for (var entry : user.get("/chat/all").json().getJsonArray("chats")) {
      JsonObject chat = entry.asJsonObject().getJsonObject("chat");
      if (chat.getString("_id").equals(chatId)) {
        return chat.getInt("unseenCount");
      }
    }
    throw new AssertionError("chat " + chatId + " not listed");
  }

  static void awaitUnseen(ChatClient user, String chatId, int count) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (unseen(user, chatId) != count) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("unseenCount never became " + count);
      }
      Thread.sleep(50);
    }
  }
}
