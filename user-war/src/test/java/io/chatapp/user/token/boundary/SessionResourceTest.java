package io.chatapp.user.token.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.platform.errors.Refusal;
import io.chatapp.platform.rest.ErrorBody;
import io.chatapp.user.token.control.Sessions;
import io.chatapp.user.token.entity.Session;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What {@code GET /auth/refresh} does with the browser's cookies when the renewal is refused: a
 * token that no longer works clears them, a token just replaced by another request of the same
 * browser keeps them (that request's answer set the new ones).
 */
class SessionResourceTest {

  @Test
  void aTokenJustReplacedIs409WithRetryAfterAndLeavesTheCookiesAlone() {
    try (Response answer = refreshRefusedWith(Refusal.conflict(Sessions.JUST_REPLACED))) {
      assertThat(answer.getStatus()).isEqualTo(409);
      assertThat(answer.getEntity()).isEqualTo(new ErrorBody(Sessions.JUST_REPLACED));
      assertThat(answer.getHeaderString("Retry-After")).isEqualTo("1");
      assertThat(answer.getStringHeaders().get("Set-Cookie")).as("no cookie cleared").isNull();
    }
  }

  @Test
  void aTokenThatNoLongerWorksIs401AndClearsBothCookies() {
    try (Response answer = refreshRefusedWith(Refusal.unauthorized("already used"))) {
      assertThat(answer.getStatus()).isEqualTo(401);
      List<String> cookies = answer.getStringHeaders().get("Set-Cookie");
      assertThat(cookies).isNotEmpty().allMatch(cookie -> cookie.contains("Max-Age=0"));
      assertThat(cookies).anyMatch(cookie -> cookie.startsWith("accessToken="));
      assertThat(cookies).anyMatch(cookie -> cookie.startsWith("refreshToken="));
    }
  }

  private static Response refreshRefusedWith(Refusal refusal) {
    SessionResource resource = new SessionResource();
    resource.cookies = new AuthCookies();
    resource.sessions =
        new Sessions() {
          @Override
          public Session renew(String refreshToken) {
            throw refusal;
          }
        };
    return resource.refresh("a.refresh.token");
  }
}
