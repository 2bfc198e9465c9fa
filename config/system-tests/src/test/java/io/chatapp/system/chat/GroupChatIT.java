package io.chatapp.system.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.system.Stack;
import io.chatapp.system.realtime.Socket;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Group chats against the running stack with two chat-war instances (members' sockets on both):
 * every endpoint and event of the contract, the refusals, read state per member, and someone
 * removed seeing nothing new, refused at once on the other instance too.
 */
class GroupChatIT {

  private static final String CHAT = "chat";
  private static final String CHAT2 = "chat2";

  @BeforeAll
  static void stackReady() throws Exception {
    Stack.awaitReady(Duration.ofSeconds(90));
  }

  /** Alice (admin), Bob and Carol in a new group; Dan and Eve outside it. */
  private record Group(
      ChatClient alice,
      ChatClient bob,
      ChatClient carol,
      ChatClient dan,
      ChatClient eve,
      String id) {}

  private static Group group(String name) throws Exception {
    ChatClient alice = ChatClient.newUser();
    ChatClient bob = ChatClient.newUser();
    ChatClient carol = ChatClient.newUser();
    ChatClient dan = ChatClient.newUser();
    ChatClient eve = ChatClient.newUser();
    ChatClient.Response made = create(alice, name, bob.id, carol.id);
    assertThat(made.status()).as(made.body()).isEqualTo(201);
    return new Group(alice, bob, carol, dan, eve, made.json().getString("chatId"));
  }

  private static ChatClient.Response create(ChatClient creator, String name, String... userIds)
      throws Exception {
    var ids = Json.createArrayBuilder();
    for (String id : userIds) {
      ids.add(id);
    }
    return creator.postJson(
        "/chat/group",
        Json.createObjectBuilder().add("name", name).add("userIds", ids).build().toString());
  }

  private static ChatClient.Response at(String instance, ChatClient user, String path, String body)
      throws Exception {
    return ChatClient.send(
        ChatClient.post(Stack.url(instance) + "/api/v1" + path, body, user.token));
  }

  private static ChatClient.Response patch(
      String instance, ChatClient user, String path, String body) throws Exception {
    return ChatClient.send(
        HttpRequest.newBuilder(URI.create(Stack.url(instance) + "/api/v1" + path))
            .timeout(Duration.ofSeconds(15))
            .header("Authorization", "Bearer " + user.token)
            .header("Content-Type", "application/json")
            .method("PATCH", HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  private static ChatClient.Response delete(String instance, ChatClient user, String path)
      throws Exception {
    return ChatClient.send(
        HttpRequest.newBuilder(URI.create(Stack.url(instance) + "/api/v1" + path))
            .timeout(Duration.ofSeconds(15))
            .header("Authorization", "Bearer " + user.token)
            .DELETE()
            .build());
  }

  private static ChatClient.Response sendAt(
      String instance, ChatClient user, String chatId, String text) throws Exception {
    return at(
        instance,
        user,
        "/message",
        Json.createObjectBuilder().add("chatId", chatId).add("text", text).build().toString());
  }

  private static String idsBody(String... ids) {
    var array = Json.createArrayBuilder();
    for (String id : ids) {
      array.add(id);
    }
    return Json.createObjectBuilder().add("userIds", array).build().toString();
  }

  private static JsonObject entry(ChatClient user, String chatId) throws Exception {
    ChatClient.Response list = user.get("/chat/all");
    assertThat(list.status()).as(list.body()).isEqualTo(200);
    return list.json().getJsonArray("chats").getValuesAs(JsonObject.class).stream()
        .filter(e -> e.getJsonObject("chat").getString("_id").equals(chatId))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no entry for " + chatId + " in " + list.body()));
  }

  private static List<String> strings(JsonArray array) {
    return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
  }

  private static boolean isChat(JsonValue data, String chatId) {
    return data.asJsonObject().getString("chatId", "").equals(chatId);
  }

  private static boolean hasMessage(JsonValue data, String messageId) {
    return data.asJsonObject().getJsonObject("message").getString("_id").equals(messageId);
  }

  private static String messageId(ChatClient.Response sent) {
    assertThat(sent.status()).as(sent.body()).isEqualTo(201);
    return sent.json().getJsonObject("message").getString("_id");
  }

  private static List<JsonObject> history(ChatClient user, String chatId) throws Exception {
    ChatClient.Response page = user.get("/message/" + chatId + "?limit=100");
    assertThat(page.status()).as(page.body()).isEqualTo(200);
    return page.json().getJsonArray("messages").getValuesAs(JsonObject.class);
  }

  /** The history once a message with this text is in it (stored after the send answered). */
  private static List<JsonObject> historyWith(ChatClient user, String chatId, String text)
      throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (true) {
      List<JsonObject> messages = history(user, chatId);
      if (messages.stream().anyMatch(m -> m.getString("text").equals(text))) {
        return messages;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no \"" + text + "\" in " + messages);
      }
      Thread.sleep(100);
    }
  }

  @Test
  void creatingRefusesBadNamesAndBadMembersClearly() throws Exception {
    ChatClient alice = ChatClient.newUser();
    ChatClient bob = ChatClient.newUser();
    ChatClient carol = ChatClient.newUser();
    String unknown = "65a1b2c3d4e5f60718293a99";
    assertRefused(400, create(alice, "   ", bob.id, carol.id), "name");
    assertRefused(400, create(alice, "x".repeat(65), bob.id, carol.id), "1 to 64");
    assertRefused(400, create(alice, "bad\u202Ename", bob.id, carol.id), "U+202E");
    assertRefused(400, create(alice, "Pair", bob.id), "2 to 255");
    assertRefused(400, create(alice, "Twice", bob.id, bob.id), "twice");
    assertRefused(400, create(alice, "Me too", bob.id, alice.id), "yourself");
    assertRefused(400, create(alice, "Bad id", bob.id, "nope"), "user id");
    assertRefused(
        400, alice.postJson("/chat/group", "{\"name\":\"No ids\"}"), "userIds is required");
    assertRefused(
        400,
        alice.postJson("/chat/group", "{\"name\":\"x\",\"userIds\":\"" + bob.id + "\"}"),
        "userIds has the wrong JSON type");
    assertRefused(
        400,
        alice.postJson("/chat/group", "{\"name\":true,\"userIds\":[\"" + bob.id + "\"]}"),
        "name has a value that is not a string");
    assertRefused(
        400,
        alice.postJson("/chat/group", "{\"name\":\"x\",\"userIds\":[\"" + bob.id + "\",7]}"),
        "userIds has a value that is not a string");
    assertRefused(400, alice.postJson("/chat/group", "[1]"), "JSON object");
    ChatClient.Response unknownUser = create(alice, "Ghost", bob.id, unknown);
    assertThat(unknownUser.status()).isIn(400, 404);
    assertThat(unknownUser.json().getString("message")).contains(unknown);

    ChatClient.Response made = create(alice, "  Caf\u0065\u0301 crew  ", bob.id, carol.id);
    assertThat(made.status()).as(made.body()).isEqualTo(201);
    String chatId = made.json().getString("chatId");
    assertThat(entry(bob, chatId).getJsonObject("chat").getString("name"))
        .isEqualTo("Caf\u00e9 crew");
  }

  @Test
  void theGroupIsListedBesideOneToOneChatsAndMessagesReachEveryMemberOnBothInstances()
      throws Exception {
    ChatClient alice = ChatClient.newUser();
    ChatClient bob = ChatClient.newUser();
    ChatClient carol = ChatClient.newUser();
    String direct = alice.startChat(bob).json().getString("chatId");
    try (Socket aliceSocket = Socket.bearer(Stack.url(CHAT), alice.token);
        Socket bobSocket = Socket.bearer(Stack.url(CHAT2), bob.token);
        Socket carolPhone = Socket.bearer(Stack.url(CHAT), carol.token);
        Socket carolLaptop = Socket.bearer(Stack.url(CHAT2), carol.token)) {
      ChatClient.Response made = create(alice, "Weekend", bob.id, carol.id);
      assertThat(made.status()).as(made.body()).isEqualTo(201);
      String chatId = made.json().getString("chatId");
      for (Socket socket : List.of(bobSocket, carolPhone, carolLaptop)) {
        JsonObject news = socket.await("chat:new", data -> isChat(data, chatId));
        assertThat(news.getJsonObject("data").getString("createdBy")).isEqualTo(alice.id);
      }

      String hello = messageId(sendAt(CHAT2, alice, chatId, "hello everyone"));
      for (Socket socket : List.of(aliceSocket, bobSocket, carolPhone, carolLaptop)) {
        JsonObject frame = socket.await("message:new", data -> hasMessage(data, hello));
        assertThat(frame.getJsonObject("data").getString("senderId")).isEqualTo(alice.id);
        assertThat(frame.getJsonObject("data").getString("chatId")).isEqualTo(chatId);
      }
      historyWith(alice, chatId, "hello everyone"); // Bob reading it would mark it read

      JsonObject entry = entry(bob, chatId);
      JsonObject chat = entry.getJsonObject("chat");
      assertThat(chat.getBoolean("isGroup")).isTrue();
      assertThat(chat.getString("name")).isEqualTo("Weekend");
      assertThat(strings(chat.getJsonArray("users"))).containsExactly(alice.id, bob.id, carol.id);
      assertThat(strings(chat.getJsonArray("admins"))).containsExactly(alice.id);
      assertThat(chat.getJsonObject("latestMessage").getString("text")).isEqualTo("hello everyone");
      assertThat(chat.getJsonObject("latestMessage").getString("sender")).isEqualTo(alice.id);
      assertThat(chat.getInt("unseenCount")).isEqualTo(2); // "Alice created ..." and hello
      assertThat(entry.containsKey("user")).isFalse();
      assertThat(
              entry.getJsonArray("members").getValuesAs(JsonObject.class).stream()
                  .map(p -> p.getString("_id"))
                  .toList())
          .containsExactly(alice.id, bob.id, carol.id);
      JsonObject one = entry(bob, direct);
      assertThat(one.getJsonObject("user").getString("_id")).isEqualTo(alice.id);
      assertThat(one.getJsonObject("chat").getBoolean("isGroup")).isFalse();
      List<String> order =
          bob.get("/chat/all").json().getJsonArray("chats").getValuesAs(JsonObject.class).stream()
              .map(e -> e.getJsonObject("chat").getString("_id"))
              .toList();
      assertThat(order.indexOf(chatId))
          .as("newest activity first")
          .isLessThan(order.indexOf(direct));

      bobSocket.emit("typing:start", Json.createObjectBuilder().add("chatId", chatId).build());
      for (Socket socket : List.of(aliceSocket, carolPhone, carolLaptop)) {
        JsonObject typing =
            socket.await(
                "typing:status",
                data -> isChat(data, chatId) && data.asJsonObject().getBoolean("isTyping"));
        assertThat(typing.getJsonObject("data").getString("userId")).isEqualTo(bob.id);
      }
      bobSocket.emit("typing:stop", Json.createObjectBuilder().add("chatId", chatId).build());
      aliceSocket.await(
          "typing:status",
          data -> isChat(data, chatId) && !data.asJsonObject().getBoolean("isTyping"));
    }
  }

  @Test
  void readStateIsPerMemberReadByAndDeliveredToComeWithTheMessages() throws Exception {
    Group g = group("Readers");
    try (Socket aliceSocket = Socket.bearer(Stack.url(CHAT), g.alice().token);
        Socket bobSocket = Socket.bearer(Stack.url(CHAT2), g.bob().token);
        Socket carolSocket = Socket.bearer(Stack.url(CHAT), g.carol().token)) {
      String question = messageId(g.alice().sendText(g.id(), "who read this?"));
      bobSocket.await("message:new", data -> hasMessage(data, question));
      carolSocket.await("message:new", data -> hasMessage(data, question));
      bobSocket.emit(
          "message:read",
          Json.createObjectBuilder()
              .add("chatId", g.id())
              .add("messageIds", Json.createArrayBuilder().add(question))
              .build());
      for (Socket socket : List.of(aliceSocket, carolSocket)) {
        JsonObject read =
            socket.await(
                "message:read",
                data ->
                    isChat(data, g.id())
                        && data.asJsonObject().getString("userId", "").equals(g.bob().id));
        assertThat(strings(read.getJsonObject("data").getJsonArray("messageIds")))
            .containsExactly(question);
      }
      assertThat(entry(g.bob(), g.id()).getJsonObject("chat").getInt("unseenCount")).isZero();
      assertThat(entry(g.carol(), g.id()).getJsonObject("chat").getInt("unseenCount")).isEqualTo(2);

      // Carol's socket got it, so she is among deliveredTo (recorded shortly after delivery)
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      JsonObject seen;
      while (true) {
        seen =
            history(g.alice(), g.id()).stream()
                .filter(m -> m.getString("_id").equals(question))
                .findFirst()
                .orElseThrow();
        if (strings(seen.getJsonArray("deliveredTo")).contains(g.carol().id)
            || System.nanoTime() > deadline) {
          break;
        }
        Thread.sleep(200);
      }
      assertThat(strings(seen.getJsonArray("deliveredTo"))).contains(g.bob().id, g.carol().id);
      List<JsonObject> readBy = seen.getJsonArray("readBy").getValuesAs(JsonObject.class);
      assertThat(readBy).extracting(r -> r.getString("userId")).containsExactly(g.bob().id);
      assertThat(readBy.get(0).getString("at")).isNotBlank();
      assertThat(seen.containsKey("seen")).as("the 1:1 fields stay as they are").isTrue();

      // reading the page is reading: Carol's page marks it, the others hear it
      List<JsonObject> carols = history(g.carol(), g.id());
      assertThat(carols).extracting(m -> m.getString("_id")).contains(question);
      aliceSocket.await(
          "message:read",
          data ->
              isChat(data, g.id())
                  && data.asJsonObject().getString("userId", "").equals(g.carol().id));
      assertThat(entry(g.carol(), g.id()).getJsonObject("chat").getInt("unseenCount")).isZero();
      JsonObject again =
          history(g.alice(), g.id()).stream()
              .filter(m -> m.getString("_id").equals(question))
              .findFirst()
              .orElseThrow();
      assertThat(again.getJsonArray("readBy").getValuesAs(JsonObject.class))
          .extracting(r -> r.getString("userId"))
          .containsExactlyInAnyOrder(g.bob().id, g.carol().id);
      ChatClient.Response page = g.alice().get("/message/" + g.id());
      assertThat(page.json().getJsonArray("members")).hasSize(3);
      assertThat(page.json().containsKey("user")).isFalse();
    }
  }

  @Test
  void adminsAddAndRenameOthersAreRefusedAndEveryChangeIsASystemMessage() throws Exception {
    Group g = group("Club");
    try (Socket bobSocket = Socket.bearer(Stack.url(CHAT2), g.bob().token);
        Socket danSocket = Socket.bearer(Stack.url(CHAT), g.dan().token)) {
      assertRefused(
          403, g.bob().postJson("/chat/" + g.id() + "/members", idsBody(g.dan().id)), "admin");
      assertRefused(
          403, g.bob().postJson("/chat/" + g.id() + "/name", "{\"name\":\"Mine\"}"), "admin");
      assertRefused(
          403, delete(CHAT, g.bob(), "/chat/" + g.id() + "/members/" + g.carol().id), "admin");
      assertRefused(
          403, g.eve().postJson("/chat/" + g.id() + "/members", idsBody(g.eve().id)), "member");
      assertRefused(403, g.eve().sendText(g.id(), "let me in"), "member");
      assertRefused(403, g.eve().get("/message/" + g.id()), "member");
      assertRefused(
          403, delete(CHAT, g.eve(), "/chat/" + g.id() + "/members/" + g.eve().id), "member");
      String unknownChat = "65a1b2c3d4e5f60718293a98";
      assertRefused(
          404, g.alice().postJson("/chat/" + unknownChat + "/name", "{\"name\":\"x\"}"), "No chat");
      assertRefused(
          404,
          g.alice().postJson("/chat/" + unknownChat + "/members", idsBody(g.dan().id)),
          "No chat");
      assertRefused(
          404,
          delete(CHAT, g.alice(), "/chat/" + g.id() + "/members/" + g.dan().id),
          "not a member");
      assertRefused(
          400, g.alice().postJson("/chat/" + g.id() + "/name", "{\"name\":\"\"}"), "1 to 64");
      assertRefused(400, g.alice().postJson("/chat/" + g.id() + "/name", "{}"), "name");
      assertRefused(
          400, g.alice().postJson("/chat/" + g.id() + "/members", idsBody(g.bob().id)), "already");
      assertRefused(
          400, g.alice().postJson("/chat/" + g.id() + "/members", idsBody()), "at least one");
      assertRefused(
          400,
          g.alice().postJson("/chat/" + g.id() + "/members", idsBody(g.alice().id)),
          "yourself");
      ChatClient.Response ghost =
          g.alice().postJson("/chat/" + g.id() + "/members", idsBody("65a1b2c3d4e5f60718293a97"));
      assertThat(ghost.status()).isIn(400, 404);
      String direct = g.alice().startChat(g.bob()).json().getString("chatId");
      assertRefused(
          400, g.alice().postJson("/chat/" + direct + "/name", "{\"name\":\"x\"}"), "not a group");

      ChatClient.Response renamed =
          at(CHAT2, g.alice(), "/chat/" + g.id() + "/name", "{\"name\":\" Book club \"}");
      assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
      JsonObject updated =
          bobSocket.await(
              "chat:updated",
              data ->
                  isChat(data, g.id())
                      && data.asJsonObject().getString("name").equals("Book club"));
      assertThat(strings(updated.getJsonObject("data").getJsonArray("admins")))
          .containsExactly(g.alice().id);

      ChatClient.Response added =
          g.alice().postJson("/chat/" + g.id() + "/members", idsBody(g.dan().id));
      assertThat(added.status()).as(added.body()).isEqualTo(200);
      JsonObject news = danSocket.await("chat:new", data -> isChat(data, g.id()));
      assertThat(news.getJsonObject("data").getString("createdBy")).isEqualTo(g.alice().id);
      JsonObject withDan =
          bobSocket.await(
              "chat:updated",
              data ->
                  isChat(data, g.id())
                      && strings(data.asJsonObject().getJsonArray("users")).contains(g.dan().id));
      assertThat(strings(withDan.getJsonObject("data").getJsonArray("users")))
          .containsExactly(g.alice().id, g.bob().id, g.carol().id, g.dan().id);
      String danSays = messageId(sendAt(CHAT2, g.dan(), g.id(), "thanks for adding me"));
      bobSocket.await("message:new", data -> hasMessage(data, danSays));

      List<JsonObject> messages = historyWith(g.dan(), g.id(), "thanks for adding me");
      List<JsonObject> system =
          messages.stream().filter(m -> m.getString("messageType").equals("system")).toList();
      assertThat(system).hasSize(3);
      assertThat(system.get(2).getString("text")).endsWith(" added " + name(g.dan()));
      assertThat(system.get(1).getString("text"))
          .endsWith("renamed the group to \u201CBook club\u201D");
      assertThat(system).allMatch(m -> m.getString("sender").equals(g.alice().id));
      // the group's record of who did what stays as written, even by the one who did it
      String record = system.get(2).getString("_id");
      assertRefused(
          403, patch(CHAT, g.alice(), "/message/" + record, "{\"text\":\"nothing\"}"), "system");
      assertRefused(403, delete(CHAT, g.alice(), "/message/" + record), "system");
    }
  }

  @Test
  void someoneRemovedIsRefusedAtOnceOnBothInstancesAndSeesNothingNew() throws Exception {
    Group g = group("Removals");
    try (Socket bobSocket = Socket.bearer(Stack.url(CHAT), g.bob().token);
        Socket carolSocket = Socket.bearer(Stack.url(CHAT2), g.carol().token)) {
      // both instances know Carol as a member (their membership caches are warm)
      messageId(sendAt(CHAT, g.carol(), g.id(), "hi from instance one"));
      messageId(sendAt(CHAT2, g.carol(), g.id(), "hi from instance two"));

      ChatClient.Response removed =
          delete(CHAT, g.alice(), "/chat/" + g.id() + "/members/" + g.carol().id);
      assertThat(removed.status()).as(removed.body()).isEqualTo(200);
      assertRefused(403, sendAt(CHAT2, g.carol(), g.id(), "am I still here?"), "member");
      assertRefused(403, sendAt(CHAT, g.carol(), g.id(), "am I still here?"), "member");
      assertRefused(
          403, g.carol().postJson("/chat/" + g.id() + "/members", idsBody(g.dan().id)), "member");
      carolSocket.await("chat:removed", data -> isChat(data, g.id()));
      JsonObject updated = bobSocket.await("chat:updated", data -> isChat(data, g.id()));
      assertThat(strings(updated.getJsonObject("data").getJsonArray("users")))
          .containsExactly(g.alice().id, g.bob().id);
      // the chat list shows the change as the group's own record, not as something Alice said
      historyWith(g.bob(), g.id(), name(g.alice()) + " removed " + name(g.carol()));
      JsonObject latest =
          entry(g.bob(), g.id()).getJsonObject("chat").getJsonObject("latestMessage");
      assertThat(latest.getString("messageType")).isEqualTo("system");
      assertThat(latest.getString("text")).endsWith(" removed " + name(g.carol()));

      String after = messageId(g.bob().sendText(g.id(), "Carol is gone"));
      bobSocket.await("message:new", data -> hasMessage(data, after));
      assertThat(
              carolSocket.arrives(
                  "message:new", data -> hasMessage(data, after), Duration.ofSeconds(2)))
          .as("nothing new reaches someone removed")
          .isFalse();
      carolSocket.clear();
      carolSocket.emit("typing:start", Json.createObjectBuilder().add("chatId", g.id()).build());
      carolSocket.await("error");

      List<JsonObject> carols = history(g.carol(), g.id());
      List<String> texts = carols.stream().map(m -> m.getString("text")).toList();
      assertThat(texts).contains("hi from instance one", "hi from instance two");
      assertThat(texts.get(texts.size() - 1)).endsWith(" removed " + name(g.carol()));
      assertThat(carols).extracting(m -> m.getString("_id")).doesNotContain(after);
      assertThat(
              g.carol()
                  .get("/message/" + g.id() + "?before=" + after)
                  .json()
                  .getJsonArray("messages")
                  .getValuesAs(JsonObject.class))
          .extracting(m -> m.getString("_id"))
          .doesNotContain(after);
      JsonObject entry = entry(g.carol(), g.id()).getJsonObject("chat");
      assertThat(entry.getBoolean("left")).isTrue();
      assertThat(entry.getJsonObject("latestMessage").getString("text"))
          .endsWith(" removed " + name(g.carol()));
      assertThat(entry.getJsonObject("latestMessage").getString("messageType")).isEqualTo("system");
      assertThat(entry.getJsonArray("users")).isEmpty();
      assertThat(historyWith(g.bob(), g.id(), "Carol is gone"))
          .extracting(m -> m.getString("_id"))
          .contains(after);

      // what happens after she left does not show on her page: not who joined, nor later reads
      ChatClient.Response added =
          g.alice().postJson("/chat/" + g.id() + "/members", idsBody(g.dan().id));
      assertThat(added.status()).as(added.body()).isEqualTo(200);
      history(g.dan(), g.id());
      history(g.bob(), g.id());
      List<JsonObject> page = history(g.carol(), g.id());
      Instant leftAt = Instant.parse(page.get(page.size() - 1).getString("createdAt"));
      for (JsonObject message : page) {
        List<JsonObject> readBy = message.getJsonArray("readBy").getValuesAs(JsonObject.class);
        assertThat(readBy).extracting(r -> r.getString("userId")).doesNotContain(g.dan().id);
        assertThat(readBy)
            .allSatisfy(
                r -> assertThat(Instant.parse(r.getString("at"))).isBeforeOrEqualTo(leftAt));
        assertThat(strings(message.getJsonArray("deliveredTo"))).doesNotContain(g.dan().id);
      }
    }
  }

  @Test
  void theLastAdminLeavingHandsAdminToTheLongestStandingMember() throws Exception {
    Group g = group("Hand over");
    try (Socket bobSocket = Socket.bearer(Stack.url(CHAT2), g.bob().token);
        Socket aliceSocket = Socket.bearer(Stack.url(CHAT), g.alice().token)) {
      ChatClient.Response left =
          delete(CHAT2, g.alice(), "/chat/" + g.id() + "/members/" + g.alice().id);
      assertThat(left.status()).as(left.body()).isEqualTo(200);
      aliceSocket.await("chat:removed", data -> isChat(data, g.id()));
      JsonObject updated = bobSocket.await("chat:updated", data -> isChat(data, g.id()));
      assertThat(strings(updated.getJsonObject("data").getJsonArray("admins")))
          .containsExactly(g.bob().id);
      List<JsonObject> messages =
          historyWith(
              g.bob(), g.id(), name(g.alice()) + " left; " + name(g.bob()) + " is now an admin");
      assertThat(messages.get(messages.size() - 1).getString("messageType")).isEqualTo("system");
      // the new admin may now do what admins do
      ChatClient.Response renamed =
          g.bob().postJson("/chat/" + g.id() + "/name", "{\"name\":\"Bob's\"}");
      assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
      assertRefused(403, g.alice().sendText(g.id(), "back?"), "member");
    }
  }

  /** The user's display name, as user-war gives it. */
  private static String name(ChatClient user) throws Exception {
    ChatClient.Response profile =
        ChatClient.send(
            HttpRequest.newBuilder(URI.create(Stack.url("user") + "/api/v1/user/" + user.id))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + user.token)
                .build());
    assertThat(profile.status()).as(profile.body()).isEqualTo(200);
    return profile.json().getString("name");
  }

  private static void assertRefused(int status, ChatClient.Response response, String says) {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
    assertThat(response.json().getString("message")).containsIgnoringCase(says);
  }
}
