package io.chatapp.system.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.system.Jwts;
import io.chatapp.system.Stack;
import io.chatapp.system.UserApi;
import io.chatapp.system.chat.ChatClient;
import jakarta.json.Json;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Inputs that used to get a 500 or slip through: each is now a clear 4xx with {@code {"message"}}
 * (or, for the UI's Ajax, the way back to the login page), and changes nothing.
 */
class WrongAnswersIT {

  private static UserApi.Session ann;

  @BeforeAll
  static void aUser() throws Exception {
    Stack.awaitReady(Duration.ofSeconds(90));
    ann = UserApi.logIn(UserApi.newEmail("wrong-answers"));
  }

  @Test
  void aPageFarPastTheEndIsA400() throws Exception {
    HttpResponse<String> answer =
        UserApi.post(
            "/user/all", "{\"q\":\"abc\",\"page\":2147483647}", "Cookie", ann.cookieHeader());
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
    assertThat(UserApi.message(answer)).contains("page");
  }

  @Test
  void jsonNestedTenThousandLevelsDeepIsA400() throws Exception {
    String deep = "{\"a\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}";
    for (String path : new String[] {"/chat/new", "/message"}) {
      ChatClient.Response answer =
          ChatClient.send(
              ChatClient.post(Stack.url("chat") + "/api/v1" + path, deep, ann.accessToken()));
      assertThat(answer.status()).as(path + ": " + answer.body()).isEqualTo(400);
      assertThat(answer.json().getString("message")).contains("nests deeper");
    }
    HttpResponse<String> rename =
        UserApi.post("/update/user", deep, "Authorization", "Bearer " + ann.accessToken());
    assertThat(rename.statusCode()).as(rename.body()).isEqualTo(400);
    assertThat(UserApi.message(rename)).contains("nests deeper");
  }

  @Test
  void namesAreNormalisedAndMayNotHideOrReorderCharacters() throws Exception {
    for (String bad :
        new String[] {
          "{\"name\":\"evil\\u202Etxt.exe\"}",
          "{\"name\":\"zero\\u200Bwidth\"}",
          "{\"name\":\"two\\nlines\"}",
          "{\"name\":\"nul\\u0000\"}",
          "{\"name\":\"esc\\u001B[31m\"}",
          "{\"name\":5}"
        }) {
      HttpResponse<String> refused =
          UserApi.post("/update/user", bad, "Authorization", "Bearer " + ann.accessToken());
      assertThat(refused.statusCode()).as(bad + ": " + refused.body()).isEqualTo(400);
      assertThat(UserApi.message(refused)).isNotBlank();
    }
    HttpResponse<String> renamed =
        UserApi.post(
            "/update/user",
            "{\"name\":\"Zoe\\u0308\"}",
            "Authorization",
            "Bearer " + ann.accessToken());
    assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(200);
    assertThat(UserApi.json(renamed).getJsonObject("user").getString("name"))
        .as("NFC")
        .isEqualTo("Zo\u00eb");
  }

  @Test
  void aMessageMayNotReorderItsText() throws Exception {
    UserApi.Session ben = UserApi.logIn(UserApi.newEmail("wrong-answers-ben"));
    ChatClient.Response chat = ChatClient.startChat(ann.accessToken(), ben.userId());
    String chatId = chat.json().getString("chatId");
    ChatClient.Response refused =
        ChatClient.send(
            ChatClient.post(
                Stack.url("chat") + "/api/v1/message",
                "{\"chatId\":\"" + chatId + "\",\"text\":\"pay \\u202E0001\"}",
                ann.accessToken()));
    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    ChatClient.Response lines =
        ChatClient.send(
            ChatClient.post(
                Stack.url("chat") + "/api/v1/message",
                "{\"chatId\":\"" + chatId + "\",\"text\":\"line one\\nline two\"}",
                ann.accessToken()));
    assertThat(lines.status()).as("line breaks are fine").isEqualTo(201);
  }

  @Test
  void aSignedTokenOfAUserWhoDoesNotExistMakesNoChats() throws Exception {
    var claims =
        Json.createObjectBuilder(Jwts.claims(ann.accessToken()))
            .add(
                "sub", String.format("%024x", new java.math.BigInteger(96, new java.util.Random())))
            .add("iat", Instant.now().getEpochSecond() - 5)
            .build();
    String ghost = Jwts.sign(claims, Jwts.stackKey());
    ChatClient.Response answer = ChatClient.startChat(ghost, ann.userId());
    assertThat(answer.status()).as(answer.body()).isEqualTo(403);
    assertThat(answer.json().getString("message")).isNotBlank();
  }

  @Test
  void aForgedViewStateGoesBackToThePageWithAMessage() throws Exception {
    String form =
        "login=login&login%3Aemail=someone%40example.com&login%3AsendCode=login%3AsendCode"
            + "&jakarta.faces.ViewState=forged-1234%3A5678";
    HttpResponse<String> plain = postLoginForm(form, false);
    assertThat(plain.statusCode()).as(plain.body()).isIn(302, 303);
    assertThat(plain.headers().firstValue("Location").orElse(""))
        .contains("login.xhtml?expired=true");

    HttpResponse<String> ajax =
        postLoginForm(
            form + "&jakarta.faces.partial.ajax=true&jakarta.faces.source=login%3AsendCode", true);
    assertThat(ajax.statusCode()).isEqualTo(200);
    assertThat(ajax.body()).contains("<redirect url=").contains("expired=true");

    HttpResponse<String> page =
        Stack.HTTP.send(
            HttpRequest.newBuilder(URI.create(Stack.url("frontend") + "/login.xhtml?expired=true"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(page.body()).contains("This page had expired");
  }

  private static HttpResponse<String> postLoginForm(String form, boolean ajax) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(Stack.url("frontend") + "/login.xhtml"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .timeout(Duration.ofSeconds(10));
    if (ajax) {
      request.header("Faces-Request", "partial/ajax");
    }
    return Stack.HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void anAjaxRequestToTheChatPageWithoutASessionIsSentToLogin() throws Exception {
    HttpResponse<String> answer =
        Stack.HTTP.send(
            HttpRequest.newBuilder(URI.create(Stack.url("frontend") + "/chat.xhtml"))
                .header("Faces-Request", "partial/ajax")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("jakarta.faces.partial.ajax=true"))
                .timeout(Duration.ofSeconds(10))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(answer.body()).contains("<redirect url=\"/session/refresh\"");
    HttpResponse<String> renewal =
        Stack.HTTP.send(
            HttpRequest.newBuilder(URI.create(Stack.url("frontend") + "/session/refresh"))
                .timeout(Duration.ofSeconds(10))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(renewal.statusCode()).as("no refresh token: the session is over").isEqualTo(302);
    assertThat(renewal.headers().firstValue("Location").orElse("")).endsWith("/login.xhtml");
  }
}
