package io.chatapp.chat.common.boundary;

import io.chatapp.chat.users.entity.UserId;
import io.chatapp.platform.auth.Caller;
import io.chatapp.platform.auth.RequestTokens;
import io.chatapp.platform.auth.Tokens;
import io.chatapp.platform.errors.Refusal;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.function.Supplier;

/** What every resource does with a request: who calls, and bad input turned into a clear 400. */
public final class Requests {

  private Requests() {}

  /** The caller's access token, to forward to user-war. */
  public static String accessToken(HttpHeaders headers) {
    Cookie cookie = headers.getCookies().get(Tokens.ACCESS_COOKIE);
    return RequestTokens.accessToken(
            headers.getHeaderString(HttpHeaders.AUTHORIZATION),
            cookie == null ? null : cookie.getValue())
        .orElse(null);
  }

  public static UserId userId(Caller caller) {
    return parse(() -> new UserId(caller.userId()));
  }

  /** Builds a domain value; its {@link IllegalArgumentException} becomes 400 with its message. */
  public static <T> T parse(Supplier<T> value) {
    return Refusal.ifInvalid(value);
  }
}
