package io.chatapp.system.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.system.Stack;
import io.chatapp.system.UserApi;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Cookie;

/**
 * A page whose session was revoked behind its back (here: its refresh token replayed after the
 * grace, as a thief's copy would be, which ends every session of the user) ends on the login page.
 * The UI lets the chat page through on a well-signed, unexpired access token; the page then asked
 * the user service who it is, was refused, and went to the login page, which sent the still
 * signed-in browser back to the chat, for the access token's 15 minutes.
 */
class RevokedSessionIT {

  private static Browser browser;

  @BeforeAll
  static void openBrowser() throws Exception {
    browser = new Browser("revoked");
  }

  @AfterAll
  static void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void aPageOfARevokedSessionEndsOnTheLoginPage() throws Exception {
    String frontend = Stack.browserUrl("frontend");
    browser.logIn(frontend, "revoked-" + UUID.randomUUID().toString().substring(0, 8) + "@x.org");
    browser.driver().get(frontend + "/session/"); // the refresh cookie's path, to read it
    Cookie refresh = browser.driver().manage().getCookieNamed("refreshToken");
    assertThat(refresh).as("the refresh cookie").isNotNull();

    String cookie = "refreshToken=" + refresh.getValue();
    HttpResponse<String> first = UserApi.get("/auth/refresh", "Cookie", cookie);
    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    UserApi.waitOutRefreshGrace();
    HttpResponse<String> replay = UserApi.get("/auth/refresh", "Cookie", cookie);
    assertThat(replay.statusCode()).as("every session of the user ended").isEqualTo(401);

    browser.driver().get(frontend + "/chat.xhtml");
    browser.await(d -> d.getCurrentUrl().contains("login.xhtml"));
    Thread.sleep(2000);
    assertThat(browser.driver().getCurrentUrl()).as("and stays there").contains("login.xhtml");
    assertThat(browser.accessToken()).as("its cookies cleared").isNull();
  }
}
