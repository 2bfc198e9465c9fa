package io.chatapp.system.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.system.Stack;
import io.chatapp.system.UserApi;
import io.chatapp.system.chat.ChatClient;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Presence as people see it, across two chat-war instances: only the people you share a chat with
 * learn that you are online, as changes, and when you were last seen is stored, so a reload on any
 * device shows it.
 */
class PresenceIT {

  private static UserApi.Session alice;
  private static UserApi.Session carol;
  private static UserApi.Session stranger;

  @BeforeAll
  static void aliceAndCarolShareAChatTheStrangerShareNone() throws Exception {
    Stack.awaitReady(Duration.ofSeconds(90));
    alice = UserApi.logIn(UserApi.newEmail("presence-alice"));
    carol = UserApi.logIn(UserApi.newEmail("presence-carol"));
    stranger = UserApi.logIn(UserApi.newEmail("presence-stranger"));
    startChat(alice, carol);
  }

  @Test
  void contactsLearnOfTheFirstAndLastSocketAndAStrangerNeverDoes() throws Exception {
    try (Socket watcher = Socket.bearer(Stack.url("chat"), alice.accessToken());
        Socket outsider = Socket.bearer(Stack.url("chat2"), stranger.accessToken())) {
      Socket carolTab1 = Socket.bearer(Stack.url("chat2"), carol.accessToken());
      watcher.await("user:online", data -> isAbout(data, carol));
      Socket carolTab2 = Socket.bearer(Stack.url("chat"), carol.accessToken());
      assertThat(carolTab2.await("getOnlineUsers").get("data").asJsonArray())
          .as("carol's contacts online")
          .anyMatch(id -> id.toString().equals("\"" + alice.userId() + "\""));
      carolTab1.close();
      assertThat(
              watcher.arrives("user:offline", data -> isAbout(data, carol), Duration.ofSeconds(2)))
          .as("still online while a tab is open")
          .isFalse();
      Instant closing = Instant.now();
      carolTab2.close();
      JsonObject offline = watcher.await("user:offline", data -> isAbout(data, carol));
      Instant lastSeen = Instant.parse(offline.getJsonObject("data").getString("lastSeen"));
      assertThat(lastSeen).isBetween(closing.minusSeconds(2), Instant.now().plusSeconds(2));

      assertThat(outsider.frames)
          .as("the stranger hears nothing of carol")
          .noneMatch(frame -> frame.toString().contains(carol.userId()));
    }
  }

  @Test
  void aSocketIsToldOnlyWhichOfItsContactsAreOnline() throws Exception {
    try (Socket aliceSocket = Socket.bearer(Stack.url("chat"), alice.accessToken());
        Socket outsider = Socket.bearer(Stack.url("chat"), stranger.accessToken())) {
      JsonValue online = outsider.await("getOnlineUsers").get("data");
      assertThat(online.asJsonArray()).as("the stranger shares no chat with anyone").isEmpty();
      assertThat(aliceSocket.frames.toString()).doesNotContain(stranger.userId());
    }
  }

  @Test
  void lastSeenSurvivesAReloadOnAnyInstance() throws Exception {
    Instant before = Instant.now().minusSeconds(1);
    Socket.bearer(Stack.url("chat2"), carol.accessToken()).close();
    Thread.sleep(1000);
    for (String instance : new String[] {"chat", "chat2"}) {
      JsonObject entry = chatWith(alice, carol, instance);
      assertThat(entry.getJsonObject("user").containsKey("lastSeen"))
          .as("the chat list on %s shows when carol was last seen", instance)
          .isTrue();
      Instant lastSeen = Instant.parse(entry.getJsonObject("user").getString("lastSeen"));
      assertThat(lastSeen).isAfter(before);
    }
  }

  @Test
  void startingAChatTellsBothMembersTheOthersPresence() throws Exception {
    UserApi.Session dan = UserApi.logIn(UserApi.newEmail("presence-dan"));
    try (Socket aliceSocket = Socket.bearer(Stack.url("chat"), alice.accessToken());
        Socket danSocket = Socket.bearer(Stack.url("chat2"), dan.accessToken())) {
      assertThat(
              aliceSocket.arrives("user:online", data -> isAbout(data, dan), Duration.ofSeconds(1)))
          .as("not a contact yet")
          .isFalse();
      startChat(dan, alice);
      aliceSocket.await("user:online", data -> isAbout(data, dan));
      danSocket.await("user:online", data -> isAbout(data, alice));
    }
  }

  private static void startChat(UserApi.Session from, UserApi.Session to) throws Exception {
    ChatClient.Response chat = ChatClient.startChat(from.accessToken(), to.userId());
    assertThat(chat.status()).as(chat.body()).isIn(200, 201);
  }

  private static JsonObject chatWith(UserApi.Session me, UserApi.Session other, String instance)
      throws Exception {
    ChatClient.Response list =
        ChatClient.send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(Stack.url(instance) + "/api/v1/chat/all"))
                .header("Authorization", "Bearer " + me.accessToken())
                .timeout(Duration.ofSeconds(15))
                .build());
    assertThat(list.status()).as(list.body()).isEqualTo(200);
    return list.json().getJsonArray("chats").getValuesAs(JsonObject.class).stream()
        .filter(entry -> entry.getJsonObject("user").getString("_id").equals(other.userId()))
        .findFirst()
        .orElseThrow();
  }

  private static boolean isAbout(JsonValue data, UserApi.Session user) {
    return data.asJsonObject().getString("userId").equals(user.userId());
  }
}
