package io.chatapp.platform.auth;

import java.util.Optional;

/** Finds the access token of a request: the Bearer header first, else the cookie. */
public final class RequestTokens {

  private RequestTokens() {}

  public static Optional<String> accessToken(String authorizationHeader, String cookieValue) {
    if (authorizationHeader != null
        && authorizationHeader.regionMatches(true, 0, "Bearer ", 0, 7)) {
      String token = authorizationHeader.substring(7).trim();
      if (!token.isEmpty()) {
        return Optional.of(token);
      }
    }
    return Optional.ofNullable(cookieValue).filter(value -> !value.isBlank());
  }
}
