package io.chatapp.frontend.session.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.frontend.backend.control.FakeUserService;
import io.chatapp.frontend.support.AccessTokens;
import io.chatapp.frontend.support.FakeHttp;
import io.chatapp.platform.http.OriginCheck;
import org.junit.jupiter.api.Test;

/**
 * What {@code /session/refresh} and {@code /session/logout} answer, with the UI under {@code /ui}
 * at {@code http://localhost:3003}.
 */
class SessionServletTest {

  static final String UI = "http://localhost:3003";

  final FakeUserService users = new FakeUserService();
  final FakeHttp.Response response = new FakeHttp.Response();

  @Test
  void aRenewalTradesTheRefreshTokenForCookiesUnderTheUisPath() throws Exception {
    String fresh = AccessTokens.valid();
    users.refreshSets(
        "accessToken=" + fresh + "; Path=/; Max-Age=900; HttpOnly; SameSite=Lax; Secure",
        "refreshToken=next; Path=/api/v1/auth/refresh; Max-Age=1296000; HttpOnly; SameSite=Lax;"
            + " Secure",
        "refreshToken=next; Path=/api/v1/logout; Max-Age=1296000; HttpOnly; SameSite=Lax; Secure");

    post("/refresh", request -> request.header("Origin", UI).cookie("refreshToken", "current"));

    assertThat(response.status).isEqualTo(200);
    assertThat(response.contentType).isEqualTo("application/json");
    assertThat(response.header("Cache-Control")).isEqualTo("no-store");
    assertThat(users.refreshCookies).containsExactly("refreshToken=current");
    assertThat(response.all("Set-Cookie"))
        .as("one refresh cookie, under /ui/session, HttpOnly, SameSite and Secure as set")
        .containsExactly(
            "accessToken=" + fresh + "; Path=/; Max-Age=900; HttpOnly; SameSite=Lax; Secure",
            "refreshToken=next; Path=/ui/session; Max-Age=1296000; HttpOnly; SameSite=Lax;"
                + " Secure");
  }

  @Test
  void theCookiesAreNotSecureWhenTheUserServiceDoesNotMakeThemSo() throws Exception {
    users.refreshSets(
        "accessToken=" + AccessTokens.valid() + "; Path=/; Max-Age=900; HttpOnly; SameSite=Lax",
        "refreshToken=next; Path=/api/v1/auth/refresh; Max-Age=1296000; HttpOnly; SameSite=Lax");

    post("/refresh", request -> request.header("Origin", UI).cookie("refreshToken", "current"));

    assertThat(response.status).isEqualTo(200);
    assertThat(response.all("Set-Cookie"))
        .hasSize(2)
        .noneMatch(cookie -> cookie.contains("Secure"))
        .allMatch(cookie -> cookie.contains("; HttpOnly; SameSite=Lax"));
  }

  @Test
  void aRenewalWithoutRefreshTokenOrRefusedByTheUserServiceIs401() throws Exception {
    post("/refresh", request -> request.header("Origin", UI));
    assertThat(response.status).isEqualTo(401);
    assertThat(response.body()).contains("Your session has ended");
    assertThat(users.refreshCookies).isEmpty();

    for (int refused : new int[] {401, 403}) {
      FakeHttp.Response answer = new FakeHttp.Response();
      users.refreshAnswers(refused);
      servlet()
          .doPost(
              post("/refresh").header("Origin", UI).cookie("refreshToken", "used-up").build(),
              answer.build());
      assertThat(answer.status).as("user service said %d", refused).isEqualTo(401);
    }
  }

  @Test
  void aRenewalThatBringsNoNewAccessTokenIs401() throws Exception {
    users.refreshSets();

    post("/refresh", request -> request.header("Origin", UI).cookie("refreshToken", "current"));

    assertThat(response.status).isEqualTo(401);
  }

  @Test
  void aRenewalWhileTheUserServiceIsAwayIs503() throws Exception {
    users.unreachable();

    post("/refresh", request -> request.header("Origin", UI).cookie("refreshToken", "current"));

    assertThat(response.status).isEqualTo(503);
    assertThat(response.body()).contains("The user service is unreachable");
    assertThat(response.all("Set-Cookie")).as("the session is not ended").isEmpty();
  }

  @Test
  void aUserServiceAnswering503IsPassedOn() throws Exception {
    users.refreshAnswers(503);

    post("/refresh", request -> request.header("Origin", UI).cookie("refreshToken", "current"));

    assertThat(response.status).isEqualTo(503);
  }

  @Test
  void aRenewalThatCameSecondIs409AndKeepsTheCookiesTheFirstOneSet() throws Exception {
    users.refreshAnswers(409);

    post("/refresh", request -> request.header("Origin", UI).cookie("refreshToken", "current"));

    assertThat(response.status).as("the page's script tries again").isEqualTo(409);
    assertThat(response.contentType).isEqualTo("application/json");
    assertThat(response.all("Set-Cookie")).as("the session is not ended").isEmpty();
  }

  @Test
  void aPageRenewalThatCameSecondGoesOnToTheChatInAMomentWithItsCookies() throws Exception {
    users.refreshAnswers(409);

    get(get("/refresh").cookie("refreshToken", "r").header("Sec-Fetch-Dest", "document"));

    assertThat(response.status).isEqualTo(409);
    assertThat(response.redirect).as("not at once: the other answer may not be in yet").isNull();
    assertThat(response.header("Refresh")).isEqualTo("1; url=/ui/chat.xhtml");
    assertThat(response.body()).contains("just renewed");
    assertThat(response.all("Set-Cookie")).as("no cookie cleared").isEmpty();
  }

  @Test
  void aPostFromAPageOfAnotherSiteIsRefused() throws Exception {
    users.refreshSets("accessToken=" + AccessTokens.valid() + "; Path=/");
    for (String[] header :
        new String[][] {
          {"Origin", "https://evil.example"},
          {"Origin", "null"},
          {"Referer", "https://evil.example/page"}
        }) {
      FakeHttp.Response answer = new FakeHttp.Response();
      servlet()
          .doPost(
              post("/refresh")
                  .header(header[0], header[1])
                  .cookie("refreshToken", "current")
                  .build(),
              answer.build());
      assertThat(answer.status).as(header[1]).isEqualTo(403);
      assertThat(answer.body()).contains("another site");
    }
    FakeHttp.Response logout = new FakeHttp.Response();
    servlet()
        .doPost(post("/logout").header("Origin", "https://evil.example").build(), logout.build());
    assertThat(logout.status).isEqualTo(403);
    assertThat(users.refreshCookies).isEmpty();
    assertThat(users.logoutCookies).isEmpty();
  }

  @Test
  void aPostFromTheUiByReferrerIsAccepted() throws Exception {
    users.refreshSets("accessToken=" + AccessTokens.valid() + "; Path=/");

    post(
        "/refresh",
        request -> request.header("Referer", UI + "/ui/chat.xhtml").cookie("refreshToken", "r"));

    assertThat(response.status).isEqualTo(200);
  }

  @Test
  void logoutEndsTheSessionAtTheUserServiceAndDropsEveryCookie() throws Exception {
    post("/logout", request -> request.header("Origin", UI).cookie("refreshToken", "current"));

    assertThat(response.status).isEqualTo(200);
    assertThat(users.logoutCookies).containsExactly("refreshToken=current");
    assertThat(response.all("Set-Cookie"))
        .hasSize(3)
        .anySatisfy(c -> assertThat(c).startsWith("accessToken=; Path=/; Max-Age=0"))
        .anySatisfy(c -> assertThat(c).startsWith("refreshToken=; Path=/ui/session; Max-Age=0"))
        .anySatisfy(c -> assertThat(c).startsWith("refreshToken=; Path=/; Max-Age=0"))
        .allMatch(c -> c.contains("HttpOnly"));
  }

  @Test
  void aPageRenewalGoesBackToTheChat() throws Exception {
    users.refreshSets("accessToken=" + AccessTokens.valid() + "; Path=/; HttpOnly");

    get(get("/refresh").cookie("refreshToken", "r").header("Sec-Fetch-Dest", "document"));

    assertThat(response.redirect).isEqualTo("/ui/chat.xhtml");
    assertThat(response.header("Cache-Control")).isEqualTo("no-store");
  }

  @Test
  void aPageRenewalOfAnEndedSessionGoesToTheLoginPage() throws Exception {
    get(get("/refresh"));

    assertThat(response.redirect).isEqualTo("/ui/login.xhtml");
  }

  @Test
  void aPageRenewalWhileTheUserServiceIsAwayTriesAgainShortly() throws Exception {
    users.unreachable();

    get(get("/refresh").cookie("refreshToken", "r"));

    assertThat(response.status).isEqualTo(503);
    assertThat(response.redirect).isNull();
    assertThat(response.header("Refresh")).isEqualTo("5");
    assertThat(response.body()).contains("tries again");
  }

  @Test
  void onlyThePageItselfMayRenewByGet() throws Exception {
    get(get("/refresh").cookie("refreshToken", "r").header("Sec-Fetch-Dest", "image"));

    assertThat(response.status).isEqualTo(403);
    assertThat(users.refreshCookies).isEmpty();
  }

  @Test
  void otherPathsAreNotFound() throws Exception {
    get(get("/logout"));
    assertThat(response.status).isEqualTo(404);

    FakeHttp.Response other = new FakeHttp.Response();
    servlet().doPost(post("/other").header("Origin", UI).build(), other.build());
    assertThat(other.status).isEqualTo(404);
  }

  private void post(String action, java.util.function.UnaryOperator<FakeHttp.Request> request)
      throws Exception {
    servlet().doPost(request.apply(post(action)).build(), response.build());
  }

  private void get(FakeHttp.Request request) throws Exception {
    servlet().doGet(request.build(), response.build());
  }

  private SessionServlet servlet() {
    SessionServlet servlet = new SessionServlet();
    servlet.services = users.services();
    servlet.origins = new OriginCheck(UI);
    return servlet;
  }

  private static FakeHttp.Request post(String action) {
    return get(action).method("POST");
  }

  private static FakeHttp.Request get(String action) {
    return new FakeHttp.Request().contextPath("/ui").servletPath("/session").pathInfo(action);
  }
}
