package io.chatapp.system.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.system.Jwts;
import io.chatapp.system.Stack;
import io.chatapp.system.UserApi;
import io.chatapp.system.chat.ChatClient;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The chat page under its Content-Security-Policy in a real browser: a script put into the page
 * without the page's nonce does not run, while the page's own scripts do, also after a reload (the
 * browser restores the previous page's nonce into the form on a reload; the page puts its own
 * back).
 */
class ContentSecurityBrowserIT {

  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
  private static Browser carol;
  private static String chatId;

  @BeforeAll
  static void carolInTheBrowserWithAChat() throws Exception {
    carol = new Browser("csp-carol");
    carol.logIn(Stack.browserUrl("frontend"), "csp-carol-" + RUN + "@example.com");
    UserApi.Session dave = UserApi.logIn(UserApi.newEmail("csp-dave"));
    String carolId = Jwts.claims(carol.accessToken()).getString("sub");
    ChatClient.Response chat = ChatClient.startChat(dave.accessToken(), carolId);
    assertThat(chat.status()).as(chat.body()).isIn(200, 201);
    chatId = chat.json().getString("chatId");
  }

  @AfterAll
  static void closeBrowser() {
    if (carol != null) {
      carol.close();
    }
  }

  @Test
  void aScriptWithoutThePagesNonceDoesNotRun() {
    carol.find(By.id("chatList"));
    Object ran =
        carol.script(
            "var s = document.createElement('script');"
                + "s.textContent = 'window.injectedRan = true;';"
                + "document.body.appendChild(s);"
                + "return window.injectedRan === true;");
    assertThat(ran).as("an inline script without the nonce ran").isEqualTo(false);
  }

  @Test
  void thePageKeepsWorkingAfterReloads() {
    By chatItem = By.cssSelector("#chatList .chat-item[data-chat-id='" + chatId + "']");
    for (int reload = 0; reload < 3; reload++) {
      carol.driver().navigate().refresh();
      carol.click(chatItem);
      carol.find(By.id("messageInput"));
    }
    carol.screenshot("after-reloads");
  }

  @Test
  void thePagesIconLoadsUnderThePolicy() {
    carol.find(By.id("chatList"));
    Object loaded =
        carol.asyncScript(
            "const done = arguments[arguments.length - 1];"
                + "const link = document.querySelector('link[rel=icon]');"
                + "if (!link) { done('no icon link'); return; }"
                + "const img = new Image();"
                + "img.onload = () => done(img.naturalWidth > 0 ? 'loaded' : 'empty');"
                + "img.onerror = () => done('refused or missing: ' + link.href);"
                + "img.src = link.href;");
    assertThat(loaded).isEqualTo("loaded");
  }
}
