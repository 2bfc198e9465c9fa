package io.chatapp.system.browser;

import static io.chatapp.system.browser.ChatPageSteps.containsText;
import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.system.Stack;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * Two people, each in their own headless Chromium, log in with the code from the local mailbox and
 * chat: the whole web UI against the started stack, one step after the other.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoPeopleChatIT {

  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
  private static final String ALICE_EMAIL = "alice-" + RUN + "@example.com";
  private static final String BOB_EMAIL = "bob-" + RUN + "@example.com";
  private static Browser alice;
  private static Browser bob;
  private static String frontend;

  @BeforeAll
  static void openBrowsers() throws Exception {
    frontend = Stack.browserUrl("frontend");
    alice = new Browser("alice");
    bob = new Browser("bob");
  }

  @AfterAll
  static void closeBrowsers() {
    ChatPageSteps.closeAll(alice, bob);
  }

  @Test
  @Order(1)
  void bothLogInWithTheCodeFromTheMailbox() throws Exception {
    alice.logIn(frontend, ALICE_EMAIL);
    bob.logIn(frontend, BOB_EMAIL);
    assertThat(alice.text(By.id("meName"))).isEqualTo("alice-" + RUN);
    alice.screenshot("logged-in");

    alice.driver().get(frontend + "/login.xhtml");
    alice.await(d -> d.getCurrentUrl().contains("chat.xhtml"));
  }

  @Test
  @Order(2)
  void aliceStartsAChatAndBobSeesItLive() {
    alice.find(By.id("newChatButton")).click();
    alice.type(By.id("userSearch"), BOB_EMAIL);
    By bobResult = By.cssSelector("#userResults .user-result[data-email='" + BOB_EMAIL + "']");
    alice.find(bobResult);
    alice.screenshot("new-chat-dialog");
    alice.click(bobResult);
    alice.find(By.id("messageInput"));
    assertThat(alice.text(By.id("peerName"))).isEqualTo("bob-" + RUN);

    bob.await(d -> !d.findElements(By.cssSelector("#chatList .chat-item")).isEmpty());
    assertThat(bob.text(By.cssSelector("#chatList .chat-name"))).isEqualTo("alice-" + RUN);
  }

  @Test
  @Order(3)
  void presenceTypingMessagesAndUnreadBadges() {
    alice.await(d -> alice.text(By.id("peerStatus")).equals("online"));

    WebElement input = alice.find(By.id("messageInput"));
    input.sendKeys("Hello Bob");
    bob.await(d -> bob.text(By.cssSelector("#chatList .chat-preview")).equals("typing…"));
    bob.screenshot("sees-typing");
    input.sendKeys(Keys.ENTER);

    bob.await(d -> bob.text(By.cssSelector("#chatList .badge")).equals("1"));
    bob.await(d -> bob.text(By.cssSelector("#chatList .chat-preview")).equals("Hello Bob"));
    bob.screenshot("unread-badge");
    alice.await(
        d ->
            !alice
                .all(
                    By.cssSelector(
                        "#messages .message.own .ticks.sent, #messages .message.own .ticks.delivered"))
                .isEmpty());
    alice.screenshot("sent-tick");

    bob.click(By.cssSelector("#chatList .chat-item"));
    bob.await(d -> bob.text(By.cssSelector("#messages .message.theirs .text")).equals("Hello Bob"));
    assertThat(bob.all(By.cssSelector("#chatList .badge"))).isEmpty();
    alice.await(d -> !alice.all(By.cssSelector("#messages .message.own .ticks.read")).isEmpty());
    alice.screenshot("read-ticks");

    bob.find(By.id("messageInput")).sendKeys("Hi Alice!", Keys.ENTER);
    alice.await(
        d -> alice.text(By.cssSelector("#messages .message.theirs .text")).equals("Hi Alice!"));
    bob.await(d -> !bob.all(By.cssSelector("#messages .message.own .ticks.read")).isEmpty());
    bob.screenshot("conversation");
  }

  @Test
  @Order(4)
  void anImageShowsForBoth() throws Exception {
    Path png = Files.createTempFile("picture", ".png");
    BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
    image.setRGB(5, 5, 0xff0000);
    ImageIO.write(image, "png", png.toFile());
    alice.driver().findElement(By.id("imageInput")).sendKeys(png.toString());
    alice.find(By.id("imagePreviewImg"));
    alice.find(By.id("sendButton")).click();
    bob.await(
        d -> !bob.all(By.cssSelector("#messages .message.theirs img.message-image")).isEmpty());
    bob.await(
        d ->
            (Boolean)
                bob.script(
                    "var imgs = document.querySelectorAll('#messages .message.theirs img.message-image');"
                        + " var img = imgs[imgs.length - 1]; return img.complete && img.naturalWidth > 0;"));
    bob.screenshot("image");
  }

  @Test
  @Order(5)
  void scrollingUpLoadsOlderMessages() throws Exception {
    String chatId =
        alice.find(By.cssSelector("#chatList .chat-item.active")).getAttribute("data-chat-id");
    String token = alice.accessToken();
    for (int i = 1; i <= 200; i++) {
      String body = "{\"chatId\":\"" + chatId + "\",\"text\":\"history " + i + "\"}";
      HttpResponse<String> sent =
          Stack.HTTP.send(
              HttpRequest.newBuilder(URI.create(Stack.url("chat") + "/api/v1/message"))
                  .header("Authorization", "Bearer " + token)
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .timeout(Duration.ofSeconds(20))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
      Thread.sleep(50); // within the 20 messages a second one user may send
    }
    bob.awaitLong(
        d -> bob.text(By.cssSelector("#messages .message:last-child .text")).equals("history 200"));
    bob.driver().navigate().refresh();
    bob.click(By.cssSelector("#chatList .chat-item"));
    bob.await(d -> bob.all(By.cssSelector("#messages .message")).size() == 50);
    for (int round = 0; round < 10 && !containsText(bob, "Hello Bob"); round++) {
      int before = bob.all(By.cssSelector("#messages .message")).size();
      bob.script("document.getElementById('messages').scrollTop = 0;");
      try {
        bob.await(d -> bob.all(By.cssSelector("#messages .message")).size() > before);
      } catch (org.openqa.selenium.TimeoutException e) {
        throw new AssertionError(
            "no older page after "
                + before
                + " messages: "
                + bob.script(
                    "var b = document.getElementById('messages'); return JSON.stringify({"
                        + "hasMore: !document.querySelector('#messages .load-older').hidden,"
                        + " top: b.scrollTop, height: b.scrollHeight, client: b.clientHeight});"),
            e);
      }
    }
    assertThat(containsText(bob, "history 1")).isTrue();
    assertThat(containsText(bob, "Hello Bob")).isTrue();
    bob.screenshot("scrolled-back");
  }

  @Test
  @Order(6)
  void renameAndLogOut() throws Exception {
    bob.find(By.id("accountButton")).click();
    bob.type(By.id("nameInput"), "Bob Builder");
    bob.find(By.id("saveNameButton")).click();
    bob.await(d -> bob.text(By.id("meName")).equals("Bob Builder"));
    bob.screenshot("renamed");

    // chat-war caches profiles briefly (USER_CACHE_SECONDS, 30 s): the new name shows after that
    boolean renamed = false;
    for (long end = System.nanoTime() + 60_000_000_000L; !renamed && System.nanoTime() < end; ) {
      Thread.sleep(3000);
      alice.driver().navigate().refresh();
      alice.find(By.cssSelector("#chatList .chat-name"));
      renamed = alice.text(By.cssSelector("#chatList .chat-name")).equals("Bob Builder");
    }
    assertThat(renamed).as("Alice sees Bob's new name").isTrue();

    bob.find(By.id("accountButton")).click();
    bob.find(By.id("logoutButton")).click();
    bob.await(d -> d.getCurrentUrl().contains("login.xhtml"));
    bob.driver().get(frontend + "/chat.xhtml");
    bob.await(d -> d.getCurrentUrl().contains("login.xhtml"));
    bob.screenshot("logged-out");
  }

  @Test
  @Order(7)
  void onAPhoneSizedScreenOnePaneShowsAtATime() {
    alice.driver().manage().window().setSize(new org.openqa.selenium.Dimension(390, 800));
    alice.driver().navigate().refresh();
    alice.find(By.cssSelector("#chatList .chat-item"));
    assertThat(alice.driver().findElement(By.id("conversation")).isDisplayed()).isFalse();
    alice.screenshot("phone-list");
    alice.click(By.cssSelector("#chatList .chat-item"));
    alice.find(By.id("messageInput"));
    assertThat(alice.driver().findElement(By.cssSelector(".sidebar")).isDisplayed()).isFalse();
    alice.screenshot("phone-conversation");
    alice.click(By.id("backButton"));
    alice.find(By.cssSelector("#chatList .chat-item"));
    assertThat(alice.driver().findElement(By.id("conversation")).isDisplayed()).isFalse();
  }
}
