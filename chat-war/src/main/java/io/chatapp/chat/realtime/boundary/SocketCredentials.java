package io.chatapp.chat.realtime.boundary;

import io.chatapp.platform.auth.RequestTokens;
import io.chatapp.platform.auth.Tokens;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The token a WebSocket handshake carries, and whether its origin may use it. A browser sends the
 * {@code accessToken} cookie to any site's socket, so a cookie login is accepted only from the
 * configured web UI origins (no cross-site WebSocket hijacking); an {@code Authorization: Bearer}
 * header cannot be forged that way and needs no origin check.
 */
record SocketCredentials(String token, boolean fromCookie) {

  static Optional<SocketCredentials> of(String authorization, String cookieHeader) {
    Optional<String> bearer = RequestTokens.accessToken(authorization, null);
    if (bearer.isPresent()) {
      return Optional.of(new SocketCredentials(bearer.get(), false));
    }
    return cookie(cookieHeader, Tokens.ACCESS_COOKIE)
        .map(token -> new SocketCredentials(token, true));
  }

  boolean originAllowed(String origin, String allowedOrigins) {
    if (!fromCookie) {
      return true;
    }
    List<String> allowed = Arrays.stream(allowedOrigins.split(",")).map(String::trim).toList();
    return origin != null && allowed.contains(origin.trim());
  }

  static Optional<String> cookie(String header, String name) {
    if (header == null) {
      return Optional.empty();
    }
    for (String part : header.split(";")) {
      String pair = part.trim();
      if (pair.startsWith(name + "=")) {
        String value = pair.substring(name.length() + 1).trim();
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
      }
    }
    return Optional.empty();
  }
}
