package io.chatapp.system.browser;

import io.chatapp.system.Mailbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One person in Debian's headless Chromium, driven through Debian's chromedriver (never a
 * downloaded one), with the flags that keep it off the closed network.
 */
final class Browser implements AutoCloseable {

  private final String person;
  private final ChromeDriver driver;
  private final WebDriverWait wait;
  private int shot;

  Browser(String person) throws IOException {
    this.person = person;
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1200,800",
        "--user-data-dir=" + Files.createTempDirectory("chromium-" + person));
    // the page's console (errors, Content-Security-Policy refusals), printed when the browser
    // closes
    org.openqa.selenium.logging.LoggingPreferences logs =
        new org.openqa.selenium.logging.LoggingPreferences();
    logs.enable(org.openqa.selenium.logging.LogType.BROWSER, java.util.logging.Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
            .build();
    driver = new ChromeDriver(service, options);
    wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    // the chat page re-renders lists as events arrive: look again rather than fail
    wait.ignoring(StaleElementReferenceException.class);
  }

  ChromeDriver driver() {
    return driver;
  }

  /** Logs in through the real one-time-code flow, the code read from the local mailbox. */
  void logIn(String frontend, String email) throws Exception {
    driver.get(frontend + "/login.xhtml");
    find(By.id("login:email")).sendKeys(email);
    click(By.id("login:sendCode"));
    find(By.id("login:otp"));
    screenshot("code-step");
    String code = Mailbox.awaitCode(email, Duration.ofSeconds(30));
    find(By.id("login:otp")).sendKeys(code);
    click(By.id("login:verify"));
    await(d -> d.getCurrentUrl().contains("chat.xhtml"));
    await(d -> !text(By.id("meName")).isEmpty());
  }

  String accessToken() {
    Cookie cookie = driver.manage().getCookieNamed("accessToken");
    return cookie == null ? null : cookie.getValue();
  }

  WebElement find(By by) {
    return await(
        d -> d.findElements(by).stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
  }

  /** Clicks the element, finding it again if the page re-rendered it meanwhile. */
  void click(By by) {
    wait.until(
        d -> {
          find(by).click();
          return true;
        });
  }

  /**
   * Types the text into the field, and again if it does not hold it afterwards: a dialog that moves
   * the focus to its own field as it opens can take keys typed meanwhile (CI: the new chat's search
   * stayed empty).
   */
  void type(By field, String text) {
    await(
        d -> {
          WebElement input = find(field);
          if (!text.equals(input.getAttribute("value"))) {
            input.clear();
            input.sendKeys(text);
          }
          return text.equals(input.getAttribute("value"));
        });
  }

  List<WebElement> all(By by) {
    return driver.findElements(by);
  }

  String text(By by) {
    List<WebElement> found = driver.findElements(by);
    return found.isEmpty() ? "" : found.get(0).getText();
  }

  /** Waits up to 20 s; on a time-out, a screenshot of the page as it was, to see why. */
  <T> T await(ExpectedCondition<T> condition) {
    try {
      return wait.until(condition);
    } catch (TimeoutException e) {
      screenshot("timed-out");
      throw e;
    }
  }

  /** For steps that move many messages: up to two minutes. */
  <T> T awaitLong(ExpectedCondition<T> condition) {
    return new WebDriverWait(driver, Duration.ofMinutes(2))
        .ignoring(StaleElementReferenceException.class)
        .until(condition);
  }

  Object script(String js, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(js, args);
  }

  /** A script that ends by calling its last argument with the result (a promise's, say). */
  Object asyncScript(String js, Object... args) {
    return ((JavascriptExecutor) driver).executeAsyncScript(js, args);
  }

  /** Saves a screenshot under target/screenshots for a person to look at. */
  void screenshot(String step) {
    try {
      Path dir = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
      Files.createDirectories(dir);
      byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
      Files.write(dir.resolve(String.format("%s-%02d-%s.png", person, ++shot, step)), png);
    } catch (IOException | RuntimeException e) {
      System.err.println("screenshot " + step + " failed: " + e);
    }
  }

  @Override
  public void close() {
    try {
      driver
          .manage()
          .logs()
          .get(org.openqa.selenium.logging.LogType.BROWSER)
          .forEach(entry -> System.out.println("[" + person + " console] " + entry));
    } catch (RuntimeException e) {
      System.out.println("[" + person + " console] not readable: " + e);
    }
    driver.quit();
  }
}
