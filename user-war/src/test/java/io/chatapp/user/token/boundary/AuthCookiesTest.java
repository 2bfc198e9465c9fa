package io.chatapp.user.token.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.user.profile.entity.User;
import io.chatapp.user.profile.entity.UserId;
import io.chatapp.user.token.entity.Session;
import io.chatapp.user.token.entity.SignedToken;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuthCookiesTest {

  @Test
  void sessionCookiesAreHttpOnlyAndLax() {
    AuthCookies cookies = new AuthCookies();
    assertThat(cookies.cookie("accessToken", "abc", 900, "/"))
        .isEqualTo("accessToken=abc; Path=/; Max-Age=900; HttpOnly; SameSite=Lax");
  }

  @Test
  void secureOnlyWhenConfigured() {
    AuthCookies cookies = new AuthCookies();
    cookies.secure = true;
    assertThat(cookies.cookie("refreshToken", "abc", 1296000, "/api/v1/auth/refresh"))
        .isEqualTo(
            "refreshToken=abc; Path=/api/v1/auth/refresh; Max-Age=1296000; HttpOnly;"
                + " SameSite=Lax; Secure");
  }

  @Test
  void clearingExpiresTheCookieNow() {
    assertThat(new AuthCookies().cookie("accessToken", "", 0, "/"))
        .isEqualTo(
            "accessToken=; Path=/; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT;"
                + " HttpOnly; SameSite=Lax");
  }

  @Test
  void theRefreshTokenGoesOnlyToRefreshAndLogout() {
    User user = new User(UserId.newId(), "ann", "ann@example.com", Instant.now(), Instant.now());
    Session session =
        new Session(
            user,
            new SignedToken("access.jwt", "a", Duration.ofMinutes(15), Instant.now()),
            new SignedToken("refresh.jwt", "r", Duration.ofDays(15), Instant.now()));

    List<String> set = setCookies(new AuthCookies().set(Response.ok(), session));

    assertThat(set)
        .containsExactly(
            "accessToken=access.jwt; Path=/; Max-Age=900; HttpOnly; SameSite=Lax",
            "refreshToken=refresh.jwt; Path=/api/v1/auth/refresh; Max-Age=1296000; HttpOnly;"
                + " SameSite=Lax",
            "refreshToken=refresh.jwt; Path=/api/v1/logout; Max-Age=1296000; HttpOnly;"
                + " SameSite=Lax");
  }

  @Test
  void clearingDropsTheRefreshTokenAtEachOfItsPathsAndAnOldSiteWideOne() {
    List<String> cleared = setCookies(new AuthCookies().clear(Response.ok()));

    assertThat(cleared).hasSize(4).allMatch(header -> header.contains("Max-Age=0"));
    assertThat(cleared)
        .filteredOn(header -> header.startsWith("refreshToken="))
        .extracting(header -> header.split("; ")[1])
        .containsExactlyInAnyOrder("Path=/api/v1/auth/refresh", "Path=/api/v1/logout", "Path=/");
  }

  private static List<String> setCookies(Response.ResponseBuilder response) {
    try (Response built = response.build()) {
      return built.getStringHeaders().get("Set-Cookie");
    }
  }
}
