package io.chatapp.system.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** What the chat page's browser tests look for in the messages, and the steps on a message. */
final class ChatPageSteps {

  private ChatPageSteps() {}

  /** The text of the newest message of someone else, "" when there is none. */
  static String lastTheirs(Browser browser) {
    Object text =
        browser.script(
            "var rows = document.querySelectorAll('#messages .message.theirs .text');"
                + " return rows.length ? rows[rows.length - 1].textContent : '';");
    return String.valueOf(text);
  }

  /** The row of the message with exactly this text, once there is one. */
  static WebElement row(Browser browser, String text) {
    return (WebElement)
        browser.await(
            d ->
                browser.script(
                    "var wanted = arguments[0];"
                        + " var texts = Array.from(document.querySelectorAll('#messages .message .text'));"
                        + " var found = texts.find(function (e) { return e.textContent === wanted; });"
                        + " return found ? found.closest('.message') : null;",
                    text));
  }

  static boolean containsText(Browser browser, String text) {
    return (Boolean)
        browser.script(
            "var wanted = arguments[0];"
                + " return Array.from(document.querySelectorAll('#messages .message .text'))"
                + ".some(function (e) { return e.textContent === wanted; });",
            text);
  }

  /** Opens the menu of the message with this text. */
  static void openMenu(Browser browser, String text) {
    browser.await(
        d -> {
          row(browser, text).findElement(By.cssSelector(".message-menu-button")).click();
          return browser.find(By.id("messageMenu")).isDisplayed();
        });
  }

  /** The id of the message with this text, once the server gave it one. */
  static String storedId(Browser browser, String text) {
    return browser.await(
        d -> {
          String id = row(browser, text).getAttribute("data-message-id");
          return id.startsWith("local-") ? null : id;
        });
  }

  /** "👍 2": the chip of an emoji under the message with this text, "" when there is none. */
  static String reaction(Browser browser, String text, String emoji) {
    return row(browser, text)
        .findElements(By.cssSelector(".reaction[data-emoji='" + emoji + "']"))
        .stream()
        .map(WebElement::getText)
        .findFirst()
        .orElse("");
  }

  /** The text of an element in the row of the message with this text, looked up afresh. */
  static String textIn(Browser browser, String text, String css) {
    return row(browser, text).findElement(By.cssSelector(css)).getText();
  }

  static String ticks(Browser browser, String text) {
    return row(browser, text).findElement(By.cssSelector(".ticks")).getAttribute("class");
  }

  /** Closes a PrimeFaces dialog of the page with its × and waits until it is gone. */
  static void closeDialog(Browser browser, String id) {
    browser.click(By.cssSelector("#" + id + " .ui-dialog-titlebar-close"));
    browser.await(d -> !d.findElement(By.id(id)).isDisplayed());
  }

  /** Closes the browsers a test class opened (those it got to open). */
  static void closeAll(Browser... browsers) {
    for (Browser browser : browsers) {
      if (browser != null) {
        browser.close();
      }
    }
  }
}
