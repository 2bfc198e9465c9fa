package io.chatapp.system.browser;

import static io.chatapp.system.browser.ChatPageSteps.closeDialog;
import static io.chatapp.system.browser.ChatPageSteps.containsText;
import static io.chatapp.system.browser.ChatPageSteps.lastTheirs;
import static io.chatapp.system.browser.ChatPageSteps.openMenu;
import static io.chatapp.system.browser.ChatPageSteps.reaction;
import static io.chatapp.system.browser.ChatPageSteps.row;
import static io.chatapp.system.browser.ChatPageSteps.storedId;
import static io.chatapp.system.browser.ChatPageSteps.textIn;
import static io.chatapp.system.browser.ChatPageSteps.ticks;
import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.system.Jwts;
import io.chatapp.system.Stack;
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
 * Three people in their own headless Chromium: Alice makes a group with Bob and Carol, they talk,
 * Bob replies, Carol and Bob react, Alice edits and deletes, her ✓✓ turns blue once both read and
 * "Read by" lists them, and Carol, removed by Alice, sees nothing new. One step after the other,
 * through the web UI only.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GroupChatBrowserIT {

  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
  private static final String GROUP = "Team " + RUN;
  private static final By GROUP_ITEM = By.cssSelector("#chatList .chat-item.group");
  private static Browser alice;
  private static Browser bob;
  private static Browser carol;
  private static String frontend;
  private static String carolId;

  @BeforeAll
  static void openBrowsers() throws Exception {
    frontend = Stack.browserUrl("frontend");
    alice = new Browser("group-alice");
    bob = new Browser("group-bob");
    carol = new Browser("group-carol");
  }

  @AfterAll
  static void closeBrowsers() {
    ChatPageSteps.closeAll(alice, bob, carol);
  }

  @Test
  @Order(1)
  void allThreeLogIn() throws Exception {
    alice.logIn(frontend, email("alice"));
    bob.logIn(frontend, email("bob"));
    carol.logIn(frontend, email("carol"));
    carolId = Jwts.claims(carol.accessToken()).getString("sub");
  }

  @Test
  @Order(2)
  void aliceMakesAGroupAndTheOthersSeeItLive() {
    alice.click(By.id("newGroupButton"));
    pick(email("bob"));
    pick(email("carol"));
    // the name last, and checked: once (CI, 2026-12-05) the name typed first was gone by the
    // time Create was clicked, the people picked after it still there (screenshot kept)
    alice.type(By.id("groupName"), GROUP);
    alice.screenshot("new-group-dialog");
    alice.click(By.id("createGroupButton"));
    alice.await(d -> alice.text(By.id("peerName")).equals(GROUP));
    assertThat(alice.text(By.cssSelector("#chatList .chat-item.active .chat-name")))
        .isEqualTo(GROUP);

    for (Browser member : new Browser[] {bob, carol}) {
      member.await(
          d -> member.text(By.cssSelector("#chatList .chat-item.group .chat-name")).equals(GROUP));
    }
    bob.click(GROUP_ITEM);
    bob.await(d -> bob.text(By.id("peerName")).equals(GROUP));
    bob.click(By.id("groupInfoButton"));
    bob.await(d -> bob.all(By.cssSelector("#groupMembers .member")).size() == 3);
    assertThat(bob.text(By.id("groupMembers"))).contains(name("alice"), name("carol"));
    bob.screenshot("members");
    closeDialog(bob, "groupDialog");
  }

  @Test
  @Order(3)
  void typingShowsWhoAndMessagesShowTheirSender() {
    // typed and checked: right after the members dialog closed, the keys were once lost (CI)
    bob.type(By.id("messageInput"), "Hi");
    alice.await(d -> alice.text(By.id("peerStatus")).equals(name("bob") + " is typing…"));
    alice.screenshot("bob-typing");
    bob.find(By.id("messageInput")).sendKeys(" all", Keys.ENTER);
    alice.await(d -> lastTheirs(alice).equals("Hi all"));
    assertThat(alice.text(By.cssSelector("#messages .message.theirs .sender-name")))
        .isEqualTo(name("bob"));

    alice.find(By.id("messageInput")).sendKeys("Hello team", Keys.ENTER);
    bob.await(d -> lastTheirs(bob).equals("Hello team"));
    alice.screenshot("talk");
  }

  @Test
  @Order(4)
  void readByTurnsBlueWhenEveryoneReadIt() {
    // Bob has the group open and read it; Carol has not opened it yet
    alice.await(d -> readerCount(alice, "Hello team") == 1);
    assertThat(ticks(alice, "Hello team")).doesNotContain("read");
    openMenu(alice, "Hello team");
    alice.click(By.cssSelector("#messageMenu .menu-info"));
    alice.await(d -> alice.all(By.cssSelector("#readByList .read-by-item")).size() == 2);
    assertThat(alice.text(By.cssSelector("#readByList .read-by-item.read .chat-name")))
        .isEqualTo(name("bob"));
    alice.screenshot("read-by-bob");
    closeDialog(alice, "readByDialog");

    carol.click(GROUP_ITEM);
    carol.await(d -> lastTheirs(carol).equals("Hello team"));
    alice.await(d -> ticks(alice, "Hello team").contains("read"));
    openMenu(alice, "Hello team");
    alice.click(By.cssSelector("#messageMenu .menu-info"));
    alice.await(d -> alice.all(By.cssSelector("#readByList .read-by-item.read")).size() == 2);
    alice.screenshot("read-by-both");
    closeDialog(alice, "readByDialog");
  }

  @Test
  @Order(5)
  void bobRepliesWithTheQuotedOriginal() {
    openMenu(bob, "Hello team");
    bob.click(By.cssSelector("#messageMenu .menu-reply"));
    bob.await(d -> bob.text(By.id("contextText")).equals("Hello team"));
    bob.find(By.id("messageInput")).sendKeys("Reply from Bob", Keys.ENTER);
    alice.await(d -> lastTheirs(alice).equals("Reply from Bob"));
    // the row is re-rendered as marks arrive: read it afresh until it shows the quote
    alice.await(
        d -> textIn(alice, "Reply from Bob", ".reply-quote .reply-text").equals("Hello team"));
    alice.screenshot("reply");
  }

  @Test
  @Order(6)
  void reactionsShowUnderTheBubbleWithCounts() {
    openMenu(carol, "Hello team");
    carol.click(By.cssSelector("#messageMenu .reaction-choice[data-emoji='👍']"));
    alice.await(d -> reaction(alice, "Hello team", "👍").equals("👍 1"));
    openMenu(bob, "Hello team");
    bob.click(By.cssSelector("#messageMenu .reaction-choice[data-emoji='👍']"));
    alice.await(d -> reaction(alice, "Hello team", "👍").equals("👍 2"));
    carol.await(d -> reaction(carol, "Hello team", "👍").equals("👍 2"));
    alice.screenshot("reactions");
  }

  @Test
  @Order(7)
  void aliceEditsAndDeletesHerMessages() {
    openMenu(alice, "Hello team");
    alice.click(By.cssSelector("#messageMenu .menu-edit"));
    WebElement input = alice.find(By.id("messageInput"));
    alice.await(d -> "Hello team".equals(input.getAttribute("value")));
    input.sendKeys(", edited", Keys.ENTER);
    bob.await(d -> containsText(bob, "Hello team, edited"));
    bob.await(d -> textIn(bob, "Hello team, edited", ".edited").equals("Edited"));
    bob.screenshot("edited");

    alice.find(By.id("messageInput")).sendKeys("A mistake", Keys.ENTER);
    bob.await(d -> lastTheirs(bob).equals("A mistake"));
    String id = storedId(alice, "A mistake");
    openMenu(alice, "A mistake");
    alice.click(By.cssSelector("#messageMenu .menu-delete"));
    alice.click(By.id("confirmDeleteButton"));
    By deleted = By.cssSelector("#messages .message[data-message-id='" + id + "'] .deleted-note");
    for (Browser member : new Browser[] {alice, bob, carol}) {
      member.await(d -> member.text(deleted).equals("This message was deleted"));
      assertThat(containsText(member, "A mistake")).isFalse();
    }
    carol.screenshot("deleted");
  }

  @Test
  @Order(8)
  void carolRemovedSeesNothingNew() throws Exception {
    alice.click(By.id("groupInfoButton"));
    alice.click(
        By.cssSelector("#groupMembers .member[data-user-id='" + carolId + "'] .remove-member"));
    alice.await(d -> alice.all(By.cssSelector("#groupMembers .member")).size() == 2);
    alice.screenshot("carol-removed");
    closeDialog(alice, "groupDialog");
    carol.await(d -> carol.find(By.id("removedNote")).isDisplayed());
    assertThat(carol.driver().findElement(By.id("composer")).isDisplayed()).isFalse();

    // Bob writes next (his page stored it: it has the server's id); in CI, Alice's send from the
    // page she had just used the group dialog on twice never reached Bob (not seen elsewhere)
    bob.find(By.id("messageInput")).sendKeys("After Carol left", Keys.ENTER);
    storedId(bob, "After Carol left");
    Thread.sleep(3000);
    assertThat(containsText(carol, "After Carol left")).isFalse();
    assertThat(carol.text(By.cssSelector("#chatList .chat-item.group .chat-preview")))
        .doesNotContain("After Carol left");
    carol.screenshot("sees-nothing-new");

    alice.find(By.id("messageInput")).sendKeys("Alice after Carol left", Keys.ENTER);
    storedId(alice, "Alice after Carol left");
    bob.await(d -> containsText(bob, "Alice after Carol left"));

    // after a reload too: the history up to her removal, if the list still offers the group
    carol.driver().navigate().refresh();
    carol.find(By.id("chatList"));
    Thread.sleep(2000);
    if (!carol.all(GROUP_ITEM).isEmpty()) {
      carol.click(GROUP_ITEM);
      carol.await(d -> containsText(carol, "Hello team, edited"));
      assertThat(containsText(carol, "After Carol left")).isFalse();
      assertThat(carol.find(By.id("removedNote")).isDisplayed()).isTrue();
    }
  }

  /** The display name a new user gets: the email's local part. */
  private static String name(String person) {
    return "group-" + person + "-" + RUN;
  }

  private static String email(String person) {
    return name(person) + "@example.com";
  }

  private static void pick(String email) {
    alice.type(By.id("groupSearch"), email);
    alice.click(By.cssSelector("#groupResults .user-result[data-email='" + email + "']"));
    alice.await(d -> !d.findElements(By.cssSelector("#groupPicked .picked-person")).isEmpty());
  }

  /** How many people the ✓✓ of a message says read it. */
  private static long readerCount(Browser browser, String text) {
    String title = row(browser, text).findElement(By.cssSelector(".ticks")).getAttribute("title");
    return title == null || title.isEmpty() ? 0 : title.split(",").length;
  }
}
