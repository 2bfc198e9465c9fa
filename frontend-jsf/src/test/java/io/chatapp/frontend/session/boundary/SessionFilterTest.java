package io.chatapp.frontend.session.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.frontend.backend.control.FakeUserService;
import io.chatapp.frontend.support.AccessTokens;
import io.chatapp.frontend.support.FakeHttp;
import org.junit.jupiter.api.Test;

/** Which page requests pass, and where the others are sent, with the UI under {@code /ui}. */
class SessionFilterTest {

  final FakeUserService users = new FakeUserService();
  final FakeHttp.Chain chain = new FakeHttp.Chain();
  final FakeHttp.Response response = new FakeHttp.Response();

  @Test
  void theChatPassesWithAValidAccessToken() throws Exception {
    filter(page("/chat.xhtml").cookie("accessToken", AccessTokens.valid()));

    assertThat(chain.called).isTrue();
    assertThat(response.status).isEqualTo(200);
    assertThat(response.header("Cache-Control")).isEqualTo("no-store");
    assertThat(users.refreshCookies).as("no call to the user service").isEmpty();
  }

  @Test
  void theChatWithoutAValidAccessTokenGoesToTheRenewal() throws Exception {
    for (String token : new String[] {null, AccessTokens.expired(), "forged.token.value"}) {
      FakeHttp.Response answer = new FakeHttp.Response();
      FakeHttp.Chain page = new FakeHttp.Chain();
      FakeHttp.Request request = page("/chat.xhtml");
      if (token != null) {
        request.cookie("accessToken", token);
      }

      filter().doFilter(request.build(), answer.build(), page);

      assertThat(page.called).as(String.valueOf(token)).isFalse();
      assertThat(answer.redirect).isEqualTo("/ui/session/refresh");
      assertThat(answer.header("Cache-Control")).isEqualTo("no-store");
    }
  }

  @Test
  void anAjaxRequestOfTheChatWithoutSessionGetsAPartialRedirect() throws Exception {
    filter(page("/chat.xhtml").method("POST").header("Faces-Request", "partial/ajax"));

    assertThat(chain.called).isFalse();
    assertThat(response.status).as("JSF's script follows no 302").isEqualTo(200);
    assertThat(response.redirect).isNull();
    assertThat(response.contentType).isEqualTo("text/xml");
    assertThat(response.body())
        .isEqualTo(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response>"
                + "<redirect url=\"/ui/session/refresh\"/></partial-response>");
  }

  @Test
  void anAjaxRequestOfTheChatWithASessionPasses() throws Exception {
    filter(
        page("/chat.xhtml")
            .method("POST")
            .header("Faces-Request", "partial/ajax")
            .cookie("accessToken", AccessTokens.valid()));

    assertThat(chain.called).isTrue();
  }

  @Test
  void theLoginPageAndItsAjaxNeedNoSession() throws Exception {
    filter(page("/login.xhtml"));
    assertThat(chain.called).isTrue();

    FakeHttp.Chain ajax = new FakeHttp.Chain();
    filter()
        .doFilter(
            page("/login.xhtml")
                .method("POST")
                .header("Faces-Request", "partial/ajax")
                .cookie("accessToken", AccessTokens.valid())
                .build(),
            new FakeHttp.Response().build(),
            ajax);
    assertThat(ajax.called).as("even signed in: the login form's own requests").isTrue();
  }

  @Test
  void aSignedInUserOpeningTheLoginPageGoesToTheChat() throws Exception {
    filter(page("/login.xhtml").cookie("accessToken", AccessTokens.valid()));

    assertThat(chain.called).isFalse();
    assertThat(response.redirect).isEqualTo("/ui/chat.xhtml");
  }

  @Test
  void theRootGoesToTheChatOrToTheRenewal() throws Exception {
    for (String root : new String[] {"/", "/index.xhtml"}) {
      FakeHttp.Response signedIn = new FakeHttp.Response();
      filter()
          .doFilter(
              page(root).cookie("accessToken", AccessTokens.valid()).build(),
              signedIn.build(),
              chain);
      assertThat(signedIn.redirect).as(root).isEqualTo("/ui/chat.xhtml");

      FakeHttp.Response anonymous = new FakeHttp.Response();
      filter().doFilter(page(root).build(), anonymous.build(), chain);
      assertThat(anonymous.redirect).as(root).isEqualTo("/ui/session/refresh");
    }
    assertThat(chain.called).isFalse();
  }

  @Test
  void anOldSiteWideRefreshCookieIsTradedAndMovedUnderSession() throws Exception {
    String fresh = AccessTokens.valid();
    users.refreshSets(
        "accessToken=" + fresh + "; Path=/; Max-Age=900; HttpOnly; SameSite=Lax",
        "refreshToken=new-refresh; Path=/api/v1/auth/refresh; Max-Age=1296000; HttpOnly;"
            + " SameSite=Lax");

    filter(page("/chat.xhtml").cookie("refreshToken", "old-refresh"));

    assertThat(users.refreshCookies).containsExactly("refreshToken=old-refresh");
    assertThat(chain.called).as("signed in by the renewed access token").isTrue();
    assertThat(response.all("Set-Cookie"))
        .contains(
            "accessToken=" + fresh + "; Path=/; Max-Age=900; HttpOnly; SameSite=Lax",
            "refreshToken=new-refresh; Path=/ui/session; Max-Age=1296000; HttpOnly; SameSite=Lax")
        .anySatisfy(
            cookie ->
                assertThat(cookie).startsWith("refreshToken=; Path=/; Max-Age=0; Expires=Thu"));
  }

  @Test
  void anOldSiteWideRefreshCookieThatNoLongerWorksIsDropped() throws Exception {
    users.refreshAnswers(401);

    filter(page("/chat.xhtml").cookie("refreshToken", "revoked"));

    assertThat(response.redirect).isEqualTo("/ui/session/refresh");
    assertThat(response.all("Set-Cookie"))
        .singleElement()
        .satisfies(cookie -> assertThat(cookie).startsWith("refreshToken=; Path=/; Max-Age=0"));
  }

  @Test
  void anOldSiteWideRefreshCookieIsKeptWhileTheUserServiceIsAway() throws Exception {
    users.unreachable();

    filter(page("/chat.xhtml").cookie("refreshToken", "still-good"));

    assertThat(response.all("Set-Cookie")).as("not dropped: the session may be fine").isEmpty();
    assertThat(response.redirect).isEqualTo("/ui/session/refresh");
  }

  private void filter(FakeHttp.Request request) throws Exception {
    filter().doFilter(request.build(), response.build(), chain);
  }

  private SessionFilter filter() {
    SessionFilter filter = new SessionFilter();
    filter.services = users.services();
    filter.tokens = AccessTokens.verifier();
    return filter;
  }

  private static FakeHttp.Request page(String path) {
    return new FakeHttp.Request().contextPath("/ui").servletPath(path);
  }
}
