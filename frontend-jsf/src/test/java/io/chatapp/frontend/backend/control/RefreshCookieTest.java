package io.chatapp.frontend.backend.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RefreshCookieTest {

  @Test
  void theUserServicesPathIsReplacedByTheUisAndEverythingElseKept() {
    assertThat(
            RefreshCookie.withPath(
                "refreshToken=abc.def; Path=/api/v1/auth/refresh; Max-Age=1296000; HttpOnly;"
                    + " SameSite=Lax; Secure",
                "/session"))
        .isEqualTo(
            "refreshToken=abc.def; Path=/session; Max-Age=1296000; HttpOnly; SameSite=Lax;"
                + " Secure");
  }

  @Test
  void bothPathsOfTheUserServiceBecomeTheSameCookie() {
    String refresh = "refreshToken=t; Path=/api/v1/auth/refresh; Max-Age=9; HttpOnly";
    String logout = "refreshToken=t; Path=/api/v1/logout; Max-Age=9; HttpOnly";
    assertThat(RefreshCookie.withPath(refresh, "/ui/session"))
        .isEqualTo(RefreshCookie.withPath(logout, "/ui/session"))
        .isEqualTo("refreshToken=t; Path=/ui/session; Max-Age=9; HttpOnly");
  }

  @Test
  void aCookieWithoutPathGetsOne() {
    assertThat(RefreshCookie.withPath("refreshToken=t; HttpOnly", "/session"))
        .isEqualTo("refreshToken=t; Path=/session; HttpOnly");
    assertThat(RefreshCookie.withPath("refreshToken=t", "/session"))
        .isEqualTo("refreshToken=t; Path=/session");
  }

  @Test
  void anyCaseOfPathIsReplaced() {
    assertThat(RefreshCookie.withPath("refreshToken=; path=/; Max-Age=0", "/session"))
        .isEqualTo("refreshToken=; Path=/session; Max-Age=0");
  }

  @Test
  void anExpiredCookieIsGoneNow() {
    assertThat(RefreshCookie.expired("refreshToken", "/session"))
        .startsWith("refreshToken=; Path=/session; Max-Age=0; Expires=Thu, 01 Jan 1970");
  }
}
