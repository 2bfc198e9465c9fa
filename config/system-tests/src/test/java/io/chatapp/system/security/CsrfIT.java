package io.chatapp.system.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.system.Stack;
import io.chatapp.system.UserApi;
import io.chatapp.system.chat.ChatClient;
import io.chatapp.testsupport.MultipartForm;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A page of another site (another port of localhost, say) cannot act with the user's cookies: a
 * message, an upload through the UI or a logout posted from there is a 403 and changes nothing. The
 * same request from the UI's origin works, and Bearer requests are never affected.
 */
class CsrfIT {

  private static final String FOREIGN = "http://localhost:8999";
  private static UserApi.Session victim;
  private static String chatId;

  @BeforeAll
  static void aVictimWithAChat() throws Exception {
    Stack.awaitReady(Duration.ofSeconds(90));
    victim = UserApi.logIn(UserApi.newEmail("csrf-victim"));
    UserApi.Session friend = UserApi.logIn(UserApi.newEmail("csrf-friend"));
    ChatClient.Response chat = ChatClient.startChat(victim.accessToken(), friend.userId());
    chatId = chat.json().getString("chatId");
  }

  @Test
  void aMessagePostedWithTheCookieFromAnotherSiteIsRefusedAndNotStored() throws Exception {
    String text = "forged " + UUID.randomUUID();
    HttpResponse<String> forged = postMessage(text, FOREIGN);
    assertThat(forged.statusCode()).as(forged.body()).isEqualTo(403);
    assertThat(ChatClient.json(forged.body()).getString("message")).contains("another site");

    HttpResponse<String> history =
        Stack.HTTP.send(
            HttpRequest.newBuilder(URI.create(Stack.url("chat") + "/api/v1/message/" + chatId))
                .header("Authorization", "Bearer " + victim.accessToken())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(history.body()).doesNotContain(text);

    assertThat(postMessage("from the UI", Stack.browserUrl("frontend")).statusCode())
        .as("the UI's own origin")
        .isEqualTo(201);
  }

  @Test
  void bearerRequestsAreNotAffectedByTheirOrigin() throws Exception {
    HttpResponse<String> sent =
        Stack.HTTP.send(
            HttpRequest.newBuilder(URI.create(Stack.url("chat") + "/api/v1/message"))
                .header("Authorization", "Bearer " + victim.accessToken())
                .header("Origin", FOREIGN)
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"chatId\":\"" + chatId + "\",\"text\":\"integrator\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
  }

  @Test
  void anUploadThroughTheUiFromAnotherSiteIsRefused() throws Exception {
    HttpResponse<String> upload =
        Stack.HTTP.send(
            HttpRequest.newBuilder(URI.create(Stack.url("frontend") + "/upload?chatId=" + chatId))
                .header("Cookie", victim.cookieHeader())
                .header("Origin", FOREIGN)
                .header("Content-Type", "multipart/form-data; boundary=x")
                .POST(HttpRequest.BodyPublishers.ofString("--x--\r\n"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(upload.statusCode()).as(upload.body()).isEqualTo(403);
  }

  @Test
  void aLogoutFormFromAnotherSiteIsRefusedAndTheSessionLives() throws Exception {
    UserApi.Session someone = UserApi.logIn(UserApi.newEmail("csrf-logout"));
    HttpResponse<String> forged =
        UserApi.post(
            "/logout",
            null,
            "Cookie",
            someone.cookieHeader(),
            "Origin",
            FOREIGN,
            "Content-Type",
            "application/x-www-form-urlencoded");
    assertThat(forged.statusCode()).as(forged.body()).isEqualTo(403);
    HttpResponse<String> refresh = UserApi.get("/auth/refresh", "Cookie", someone.cookieHeader());
    assertThat(refresh.statusCode()).as("the session still works").isEqualTo(200);
  }

  private static HttpResponse<String> postMessage(String text, String origin) throws Exception {
    MultipartForm form = new MultipartForm().field("chatId", chatId).field("text", text);
    return Stack.HTTP.send(
        HttpRequest.newBuilder(URI.create(Stack.url("chat") + "/api/v1/message"))
            .header("Cookie", "accessToken=" + victim.accessToken())
            .header("Origin", origin)
            .header("Content-Type", form.contentType())
            .POST(form.publisher())
            .timeout(Duration.ofSeconds(15))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
