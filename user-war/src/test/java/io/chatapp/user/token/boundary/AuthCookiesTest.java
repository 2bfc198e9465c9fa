package io.chatapp.user.token.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuthCookiesTest {

  @Test
  void sessionCookiesAreHttpOnlyLaxAndSiteWide() {
    AuthCookies cookies = new AuthCookies();
    assertThat(cookies.cookie("accessToken", "abc", 900))
        .isEqualTo("accessToken=abc; Path=/; Max-Age=900; HttpOnly; SameSite=Lax");
  }

  @Test
  void secureOnlyWhenConfigured() {
    AuthCookies cookies = new AuthCookies();
    cookies.secure = true;
    assertThat(cookies.cookie("refreshToken", "abc", 1296000))
        .isEqualTo("refreshToken=abc; Path=/; Max-Age=1296000; HttpOnly; SameSite=Lax; Secure");
  }

  @Test
  void clearingExpiresTheCookieNow() {
    assertThat(new AuthCookies().cookie("accessToken", "", 0))
        .isEqualTo(
            "accessToken=; Path=/; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT;"
                + " HttpOnly; SameSite=Lax");
  }
}
