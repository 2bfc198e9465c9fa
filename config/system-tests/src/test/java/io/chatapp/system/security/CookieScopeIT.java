package io.chatapp.system.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.system.Stack;
import io.chatapp.system.UserApi;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The refresh token goes only where it is used. user-war scopes its cookie to {@code
 * /api/v1/auth/refresh} and {@code /api/v1/logout}; the UI keeps it under {@code /session}, where
 * the page renews and ends the session, and sends pages without a valid access token there. (The
 * browser tests show login, silent refresh, reload and logout still work in Chromium.)
 */
class CookieScopeIT {

  private static final String UI_ORIGIN = Stack.browserUrl("frontend");

  @BeforeAll
  static void stackReady() throws Exception {
    Stack.awaitReady(Duration.ofSeconds(90));
  }

  @Test
  void userWarSetsTheRefreshTokenForItsRefreshAndLogoutPathsOnly() throws Exception {
    String email = UserApi.newEmail("cookie-scope");
    UserApi.login(email);
    HttpResponse<String> verify = UserApi.verify(email, UserApi.otpOf(email));
    assertThat(verify.statusCode()).as(verify.body()).isEqualTo(200);

    assertThat(paths(verify, "refreshToken"))
        .containsExactlyInAnyOrder("/api/v1/auth/refresh", "/api/v1/logout");
    assertThat(paths(verify, "accessToken")).containsExactly("/");
    assertThat(setCookies(verify, "refreshToken"))
        .allSatisfy(
            header ->
                assertThat(header)
                    .contains("HttpOnly")
                    .contains("SameSite=Lax")
                    .contains("Max-Age="));

    UserApi.Session session = new UserApi.Session(UserApi.cookies(verify), UserApi.json(verify));
    HttpResponse<String> refresh =
        UserApi.get("/auth/refresh", "Cookie", "refreshToken=" + session.refreshToken());
    assertThat(refresh.statusCode()).as(refresh.body()).isEqualTo(200);
    assertThat(paths(refresh, "refreshToken"))
        .containsExactlyInAnyOrder("/api/v1/auth/refresh", "/api/v1/logout");
  }

  @Test
  void theUiKeepsItUnderSessionAndRenewsThere() throws Exception {
    UserApi.Session session = UserApi.logIn(UserApi.newEmail("cookie-ui"));

    HttpResponse<String> renewed =
        ui("POST", "/session/refresh", "refreshToken=" + session.refreshToken(), UI_ORIGIN);
    assertThat(renewed.statusCode()).as(renewed.body()).isEqualTo(200);
    assertThat(paths(renewed, "refreshToken")).containsExactly("/session");
    assertThat(paths(renewed, "accessToken")).containsExactly("/");
    String newRefresh = value(renewed, "refreshToken");
    assertThat(newRefresh).isNotBlank().isNotEqualTo(session.refreshToken());

    HttpResponse<String> foreign =
        ui("POST", "/session/refresh", "refreshToken=" + newRefresh, "http://localhost:8999");
    assertThat(foreign.statusCode()).as("from another site").isEqualTo(403);

    HttpResponse<String> asImage =
        send(
            request("GET", "/session/refresh", "refreshToken=" + newRefresh, null)
                .header("Sec-Fetch-Dest", "image"));
    assertThat(asImage.statusCode()).as("an image of another page").isEqualTo(403);

    HttpResponse<String> page = ui("GET", "/session/refresh", "refreshToken=" + newRefresh, null);
    assertThat(page.statusCode()).isEqualTo(302);
    assertThat(page.headers().firstValue("Location").orElse("")).endsWith("/chat.xhtml");
    String latest = value(page, "refreshToken");

    HttpResponse<String> logout =
        ui("POST", "/session/logout", "refreshToken=" + latest, UI_ORIGIN);
    assertThat(logout.statusCode()).as(logout.body()).isEqualTo(200);
    assertThat(setCookies(logout, "refreshToken")).allMatch(header -> header.contains("Max-Age=0"));
    assertThat(paths(logout, "refreshToken")).contains("/session");
    assertThat(UserApi.get("/auth/refresh", "Cookie", "refreshToken=" + latest).statusCode())
        .as("logout revoked the refresh token")
        .isEqualTo(401);
  }

  @Test
  void aPageWithoutAValidAccessTokenGoesToTheRenewalThenToLoginWhenThereIsNoSession()
      throws Exception {
    HttpResponse<String> chat = ui("GET", "/chat.xhtml", null, null);
    assertThat(chat.statusCode()).isEqualTo(302);
    assertThat(chat.headers().firstValue("Location").orElse("")).endsWith("/session/refresh");

    HttpResponse<String> renewal = ui("GET", "/session/refresh", null, null);
    assertThat(renewal.statusCode()).isEqualTo(302);
    assertThat(renewal.headers().firstValue("Location").orElse("")).endsWith("/login.xhtml");
  }

  @Test
  void aSiteWideRefreshCookieOfAnOlderVersionIsMovedUnderSession() throws Exception {
    UserApi.Session session = UserApi.logIn(UserApi.newEmail("cookie-legacy"));
    HttpResponse<String> chat =
        ui(
            "GET",
            "/chat.xhtml",
            "accessToken=" + session.accessToken() + "; refreshToken=" + session.refreshToken(),
            null);
    assertThat(chat.statusCode()).as(chat.body()).isEqualTo(200);
    List<String> refreshCookies = setCookies(chat, "refreshToken");
    assertThat(refreshCookies)
        .anySatisfy(
            header -> assertThat(header).contains("Path=/session").doesNotContain("Max-Age=0"))
        .anySatisfy(header -> assertThat(header).contains("Path=/;").contains("Max-Age=0"));
  }

  private static HttpResponse<String> ui(String method, String path, String cookie, String origin)
      throws Exception {
    return send(request(method, path, cookie, origin));
  }

  private static HttpRequest.Builder request(
      String method, String path, String cookie, String origin) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(Stack.url("frontend") + path))
            .timeout(Duration.ofSeconds(15))
            .method(
                method,
                method.equals("GET")
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(""));
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    if (origin != null) {
      request.header("Origin", origin);
    }
    return request;
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return Stack.HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /**
   * Every Set-Cookie of the answer for this cookie name (a cookie may be set for several paths).
   */
  private static List<String> setCookies(HttpResponse<?> response, String name) {
    return response.headers().allValues("Set-Cookie").stream()
        .filter(header -> header.startsWith(name + "="))
        .toList();
  }

  private static List<String> paths(HttpResponse<?> response, String name) {
    List<String> paths = new ArrayList<>();
    for (String header : setCookies(response, name)) {
      for (String part : header.split(";")) {
        String[] attribute = part.trim().split("=", 2);
        if (attribute[0].equalsIgnoreCase("path")) {
          paths.add(attribute.length > 1 ? attribute[1] : "");
        }
      }
    }
    return paths;
  }

  private static String value(HttpResponse<?> response, String name) {
    Map<String, String> cookies = UserApi.cookies(response);
    return cookies.get(name);
  }
}
