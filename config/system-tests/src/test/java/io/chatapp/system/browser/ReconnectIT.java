package io.chatapp.system.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.system.Jwts;
import io.chatapp.system.Stack;
import io.chatapp.system.UserApi;
import io.chatapp.system.chat.ChatClient;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;

/**
 * The page keeps its socket through an expired access token: chat-war closes the socket with 4401
 * when the token runs out, the page refreshes the session and reconnects, shows what was sent
 * meanwhile, and the person stays logged in.
 */
class ReconnectIT {

  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
  private static Browser alice;
  private static UserApi.Session bob;
  private static String chatId;

  @BeforeAll
  static void aliceInTheBrowserBobOverTheApi() throws Exception {
    String frontend = Stack.browserUrl("frontend");
    alice = new Browser("reconnect-alice");
    alice.logIn(frontend, "reconnect-alice-" + RUN + "@example.com");
    bob = UserApi.logIn(UserApi.newEmail("reconnect-bob"));
    String aliceId = Jwts.claims(alice.accessToken()).getString("sub");
    ChatClient.Response chat = ChatClient.startChat(bob.accessToken(), aliceId);
    assertThat(chat.status()).as(chat.body()).isIn(200, 201);
    chatId = chat.json().getString("chatId");
  }

  @AfterAll
  static void closeBrowser() {
    if (alice != null) {
      alice.close();
    }
  }

  @Test
  void anExpiredTokenClosesTheSocketAndThePageRefreshesReconnectsAndCatchesUp() throws Exception {
    JsonObject claims = Jwts.claims(alice.accessToken());
    long expiry = Instant.now().getEpochSecond() + 6;
    String shortLived =
        Jwts.sign(Json.createObjectBuilder(claims).add("exp", expiry).build(), Jwts.stackKey());
    alice.driver().manage().deleteCookieNamed("accessToken");
    alice
        .driver()
        .manage()
        .addCookie(
            new Cookie.Builder("accessToken", shortLived).path("/").isHttpOnly(true).build());
    alice.driver().navigate().refresh();
    By chatItem = By.cssSelector("#chatList .chat-item[data-chat-id='" + chatId + "']");
    alice.click(chatItem);
    alice.find(By.id("messageInput"));
    alice.await(d -> isConnected());
    assertThat(alice.accessToken())
        .as("the socket opened with the short-lived token")
        .isEqualTo(shortLived);

    while (Instant.now().getEpochSecond() <= expiry + 1) {
      Thread.sleep(200);
    }
    ChatClient.Response sent = send("sent after alice's token expired");
    assertThat(sent.status()).as(sent.body()).isEqualTo(201);

    alice.await(
        d ->
            alice.all(By.cssSelector("#messages .message.theirs .text")).stream()
                .anyMatch(text -> text.getText().equals("sent after alice's token expired")));
    alice.await(d -> isConnected());
    assertThat(alice.driver().getCurrentUrl()).as("still logged in").contains("chat.xhtml");
    assertThat(alice.accessToken()).as("the session was refreshed").isNotEqualTo(shortLived);
    alice.screenshot("reconnected");

    ChatClient.Response live = send("and live again");
    assertThat(live.status()).isEqualTo(201);
    alice.await(
        d ->
            alice.all(By.cssSelector("#messages .message.theirs .text")).stream()
                .anyMatch(text -> text.getText().equals("and live again")));
  }

  private static boolean isConnected() {
    return Boolean.TRUE.equals(
        alice.script("return document.getElementById('connection').hidden === true;"));
  }

  private static ChatClient.Response send(String text) throws Exception {
    return ChatClient.send(
        ChatClient.post(
            Stack.url("chat") + "/api/v1/message",
            "{\"chatId\":\"" + chatId + "\",\"text\":\"" + text + "\"}",
            bob.accessToken()));
  }
}
