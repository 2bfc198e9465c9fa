package io.chatapp.system.browser;

import static io.chatapp.system.browser.ChatPageSteps.containsText;
import static io.chatapp.system.browser.ChatPageSteps.lastTheirs;
import static io.chatapp.system.browser.ChatPageSteps.openMenu;
import static io.chatapp.system.browser.ChatPageSteps.reaction;
import static io.chatapp.system.browser.ChatPageSteps.row;
import static io.chatapp.system.browser.ChatPageSteps.storedId;
import static io.chatapp.system.browser.ChatPageSteps.textIn;
import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.system.Jwts;
import io.chatapp.system.Stack;
import io.chatapp.system.chat.ChatClient;
import java.util.UUID;
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
 * A message's menu in a 1:1 chat, in two browsers: Bob replies to Alice's message with it quoted,
 * both react, Alice edits hers ("Edited") and deletes one ("This message was deleted"), live on the
 * other side. Groups are not needed for any of it (GroupChatBrowserIT has them).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MessageActionsBrowserIT {

  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
  private static Browser alice;
  private static Browser bob;
  private static By chatItem;

  @BeforeAll
  static void aliceAndBobInAChat() throws Exception {
    String frontend = Stack.browserUrl("frontend");
    alice = new Browser("actions-alice");
    bob = new Browser("actions-bob");
    alice.logIn(frontend, "actions-alice-" + RUN + "@example.com");
    bob.logIn(frontend, "actions-bob-" + RUN + "@example.com");
    String bobId = Jwts.claims(bob.accessToken()).getString("sub");
    ChatClient.Response chat = ChatClient.startChat(alice.accessToken(), bobId);
    assertThat(chat.status()).as(chat.body()).isIn(200, 201);
    chatItem =
        By.cssSelector(
            "#chatList .chat-item[data-chat-id='" + chat.json().getString("chatId") + "']");
    alice.driver().navigate().refresh();
    alice.click(chatItem);
    bob.click(chatItem);
    bob.find(By.id("messageInput"));
  }

  @AfterAll
  static void closeBrowsers() {
    ChatPageSteps.closeAll(alice, bob);
  }

  @Test
  @Order(1)
  void aReplyQuotesTheOriginal() {
    alice.find(By.id("messageInput")).sendKeys("Lunch at noon?", Keys.ENTER);
    bob.await(d -> lastTheirs(bob).equals("Lunch at noon?"));
    openMenu(bob, "Lunch at noon?");
    assertThat(bob.all(By.cssSelector("#messageMenu .menu-edit")))
        .as("not Bob's to edit")
        .isEmpty();
    bob.click(By.cssSelector("#messageMenu .menu-reply"));
    bob.await(d -> bob.text(By.id("contextText")).equals("Lunch at noon?"));
    bob.find(By.id("messageInput")).sendKeys("Yes!", Keys.ENTER);
    alice.await(d -> lastTheirs(alice).equals("Yes!"));
    // the row is re-rendered as marks arrive: read it afresh until it shows the quote
    alice.await(d -> textIn(alice, "Yes!", ".reply-quote .reply-text").equals("Lunch at noon?"));
    alice.screenshot("reply");
  }

  @Test
  @Order(2)
  void reactionsCountUnderTheBubble() {
    openMenu(bob, "Lunch at noon?");
    bob.click(By.cssSelector("#messageMenu .reaction-choice[data-emoji='👍']"));
    alice.await(d -> reaction(alice, "Lunch at noon?", "👍").equals("👍 1"));
    openMenu(alice, "Lunch at noon?");
    alice.click(By.cssSelector("#messageMenu .reaction-choice[data-emoji='👍']"));
    bob.await(d -> reaction(bob, "Lunch at noon?", "👍").equals("👍 2"));
    // a chip toggles one's own reaction
    alice.click(By.cssSelector(".reaction.mine[data-emoji='👍']"));
    bob.await(d -> reaction(bob, "Lunch at noon?", "👍").equals("👍 1"));
    alice.screenshot("reactions");
  }

  @Test
  @Order(3)
  void anEditShowsAsEditedOnBothSides() {
    openMenu(alice, "Lunch at noon?");
    alice.click(By.cssSelector("#messageMenu .menu-edit"));
    WebElement input = alice.find(By.id("messageInput"));
    alice.await(d -> "Lunch at noon?".equals(input.getAttribute("value")));
    input.sendKeys(Keys.BACK_SPACE, " tomorrow?", Keys.ENTER);
    bob.await(d -> containsText(bob, "Lunch at noon tomorrow?"));
    bob.await(d -> textIn(bob, "Lunch at noon tomorrow?", ".edited").equals("Edited"));
    bob.await(
        d ->
            row(bob, "Yes!")
                .findElement(By.cssSelector(".reply-quote .reply-text"))
                .getText()
                .equals("Lunch at noon tomorrow?"));
    assertThat(containsText(alice, "Lunch at noon tomorrow?")).isTrue();
    bob.screenshot("edited");
  }

  @Test
  @Order(4)
  void aDeletedMessageStaysAsDeletedForBoth() {
    alice.find(By.id("messageInput")).sendKeys("Wrong chat, sorry", Keys.ENTER);
    bob.await(d -> lastTheirs(bob).equals("Wrong chat, sorry"));
    String id = storedId(alice, "Wrong chat, sorry");
    openMenu(alice, "Wrong chat, sorry");
    alice.click(By.cssSelector("#messageMenu .menu-delete"));
    alice.click(By.id("confirmDeleteButton"));
    By deleted = By.cssSelector("#messages .message[data-message-id='" + id + "'] .deleted-note");
    for (Browser person : new Browser[] {alice, bob}) {
      person.await(d -> person.text(deleted).equals("This message was deleted"));
      assertThat(containsText(person, "Wrong chat, sorry")).isFalse();
    }
    bob.await(d -> !bob.text(chatItem).contains("Wrong chat, sorry"));
    bob.screenshot("deleted");
  }
}
