package io.chatapp.system.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.system.Stack;
import io.chatapp.system.UserApi;
import io.chatapp.system.chat.ChatClient;
import io.chatapp.testsupport.Poll;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Nobody lists everyone with their email: {@code POST /user/all} needs three characters, answers a
 * page of at most 20, finds people by email only when the whole address is typed, and shows an
 * email only to whoever typed it whole or was written to by that person in a 1:1 chat (opening a
 * chat is not enough: anyone may open one with anyone); looking a user up by id (ids are in every
 * search answer) follows the same rule.
 */
class UserSearchIT {

  private static final String TAG = UUID.randomUUID().toString().substring(0, 12);
  private static UserApi.Session ann;
  private static UserApi.Session friend;
  private static UserApi.Session stranger;

  @BeforeAll
  static void annHasAFriendAndSeesAStranger() throws Exception {
    Stack.awaitReady(Duration.ofSeconds(90));
    ann = UserApi.logIn("search-ann-" + TAG + "@system-test.example");
    friend = UserApi.logIn("search-friend-" + TAG + "@system-test.example");
    stranger = UserApi.logIn("search-stranger-" + TAG + "@system-test.example");
    ChatClient.Response chat = ChatClient.startChat(ann.accessToken(), friend.userId());
    assertThat(chat.status()).as(chat.body()).isIn(200, 201);
    String chatId = chat.json().getString("chatId");
    for (UserApi.Session writer : List.of(ann, friend)) {
      ChatClient.Response sent = ChatClient.of(writer).sendText(chatId, "hello");
      assertThat(sent.status()).as(sent.body()).isEqualTo(201);
    }
    ChatClient.Response opened = ChatClient.startChat(stranger.accessToken(), ann.userId());
    assertThat(opened.status()).as(opened.body()).isIn(200, 201);
    Poll.until( // the chat's writers are recorded once their messages are stored
        Duration.ofSeconds(30), "the friend's message to be stored", () -> friendsEmailShown());
  }

  private static boolean friendsEmailShown() {
    try {
      HttpResponse<String> byId =
          UserApi.get("/user/" + friend.userId(), "Cookie", ann.cookieHeader());
      return UserApi.json(byId).get("email") instanceof jakarta.json.JsonString;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void openingAChatWithSomeoneShowsNotTheirEmail() throws Exception {
    HttpResponse<String> byId =
        UserApi.get("/user/" + ann.userId(), "Cookie", stranger.cookieHeader());
    assertThat(byId.statusCode()).isEqualTo(200);
    assertThat(UserApi.json(byId).get("email"))
        .as("the stranger opened a chat with Ann, who never wrote in it: " + byId.body())
        .isIn(null, JsonValue.NULL);
    HttpResponse<String> found =
        UserApi.post(
            "/user/all", "{\"q\":\"search-ann-" + TAG + "\"}", "Cookie", stranger.cookieHeader());
    assertThat(found.body()).doesNotContain("@system-test.example");
  }

  @Test
  void fewerThanThreeCharactersAreA400() throws Exception {
    for (String body : List.of("{\"q\":\"se\"}", "{\"q\":\"@\"}", "{\"q\":\"  a  \"}", "{}")) {
      HttpResponse<String> answer = search(body);
      assertThat(answer.statusCode()).as(body + ": " + answer.body()).isEqualTo(400);
      assertThat(UserApi.message(answer)).as(body).contains("at least 3");
    }
    assertThat(UserApi.post("/user/all?q=se", null, "Cookie", ann.cookieHeader()).statusCode())
        .isEqualTo(400);
  }

  @Test
  void atMostAPageOfTwenty() throws Exception {
    assertThat(search("{\"q\":\"search-\",\"limit\":21}").statusCode()).isEqualTo(400);
    HttpResponse<String> page = search("{\"q\":\"search-\"}");
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    assertThat((JsonArray) UserApi.structure(page)).hasSizeLessThanOrEqualTo(20);
  }

  @Test
  void aStrangerIsFoundByNameWithoutEmail() throws Exception {
    JsonObject found = only(search("{\"q\":\"search-stranger-" + TAG + "\"}"));
    assertThat(found.getString("_id")).isEqualTo(stranger.userId());
    assertThat(found.getString("name")).isEqualTo("search-stranger-" + TAG);
    assertThat(found.get("email")).as(found.toString()).isIn(null, JsonValue.NULL);

    HttpResponse<String> byId =
        UserApi.get("/user/" + stranger.userId(), "Cookie", ann.cookieHeader());
    assertThat(byId.statusCode()).isEqualTo(200);
    assertThat(UserApi.json(byId).get("email")).as(byId.body()).isIn(null, JsonValue.NULL);

    HttpResponse<String> batch =
        UserApi.post(
            "/user/batch",
            "{\"ids\":[\"" + stranger.userId() + "\"]}",
            "Cookie",
            ann.cookieHeader());
    assertThat(batch.body()).doesNotContain("@system-test.example");
  }

  @Test
  void aPartOfAnAddressFindsNobodyByIt() throws Exception {
    for (String part :
        List.of("@system-test.example", TAG + "@system-test.example", "system-test.example")) {
      HttpResponse<String> answer = search("{\"q\":\"" + part + "\"}");
      assertThat(answer.statusCode()).as(part).isEqualTo(200);
      assertThat(answer.body()).as(part).doesNotContain("@system-test.example");
      assertThat((JsonArray) UserApi.structure(answer))
          .as(part)
          .noneMatch(user -> user.asJsonObject().getString("_id").equals(stranger.userId()));
    }
  }

  @Test
  void whoeverTypesTheWholeAddressSeesIt() throws Exception {
    String email = "Search-Stranger-" + TAG + "@System-Test.example";
    JsonObject found = only(search("{\"q\":\"" + email + "\"}"));
    assertThat(found.getString("_id")).isEqualTo(stranger.userId());
    assertThat(found.getString("email")).isEqualTo(email.toLowerCase());
  }

  @Test
  void aContactsEmailIsShown() throws Exception {
    JsonObject found = only(search("{\"q\":\"search-friend-" + TAG + "\"}"));
    assertThat(found.getString("_id")).isEqualTo(friend.userId());
    assertThat(found.getString("email")).isEqualTo("search-friend-" + TAG + "@system-test.example");

    HttpResponse<String> byId =
        UserApi.get("/user/" + friend.userId(), "Cookie", ann.cookieHeader());
    assertThat(UserApi.json(byId).getString("email"))
        .isEqualTo("search-friend-" + TAG + "@system-test.example");

    HttpResponse<String> theOtherWay =
        UserApi.post(
            "/user/all", "{\"q\":\"search-ann-" + TAG + "\"}", "Cookie", friend.cookieHeader());
    assertThat(only(theOtherWay).getString("email"))
        .isEqualTo("search-ann-" + TAG + "@system-test.example");
  }

  private static HttpResponse<String> search(String body) throws Exception {
    return UserApi.post("/user/all", body, "Cookie", ann.cookieHeader());
  }

  private static JsonObject only(HttpResponse<String> answer) {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    JsonArray users = (JsonArray) UserApi.structure(answer);
    assertThat(users).as(answer.body()).hasSize(1);
    JsonValue user = users.get(0);
    return user.asJsonObject();
  }
}
