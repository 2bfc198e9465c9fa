package io.chatapp.user.token.boundary;

import io.chatapp.platform.auth.Tokens;
import io.chatapp.user.token.entity.Session;
import io.chatapp.user.token.entity.SignedToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The session cookies, HttpOnly, SameSite=Lax, Secure when {@code cookie.secure} is set (production
 * over HTTPS). {@code accessToken} (15 min) goes to every path: every service and the WebSocket
 * read it. {@code refreshToken} (15 days) goes only where it is used, refresh and logout: a cookie
 * has one path, so it is set once for each (same value), and the browser sends each request the one
 * of its path. Clearing also drops one left at {@code Path=/} by an older version. Written as plain
 * header values so every attribute is exactly as here.
 */
@ApplicationScoped
public class AuthCookies {

  /** Where the refresh token is used: {@code GET /auth/refresh} and {@code POST /logout}. */
  static final List<String> REFRESH_PATHS = List.of("/api/v1/auth/refresh", "/api/v1/logout");

  private static final String SITE_WIDE = "/";

  @Inject
  @ConfigProperty(name = "cookie.secure", defaultValue = "false")
  boolean secure;

  /** Sets both cookies of a new session. */
  public Response.ResponseBuilder set(Response.ResponseBuilder response, Session session) {
    setAccess(response, session.accessToken());
    SignedToken refresh = session.refreshToken();
    for (String path : REFRESH_PATHS) {
      response.header(
          HttpHeaders.SET_COOKIE,
          cookie(Tokens.REFRESH_COOKIE, refresh.value(), refresh.lifetime().toSeconds(), path));
    }
    return response;
  }

  /** Sets the access cookie alone. */
  public Response.ResponseBuilder setAccess(Response.ResponseBuilder response, SignedToken access) {
    return response.header(
        HttpHeaders.SET_COOKIE,
        cookie(Tokens.ACCESS_COOKIE, access.value(), access.lifetime().toSeconds(), SITE_WIDE));
  }

  /** Removes both cookies from the browser, wherever this service set them. */
  public Response.ResponseBuilder clear(Response.ResponseBuilder response) {
    response.header(HttpHeaders.SET_COOKIE, cookie(Tokens.ACCESS_COOKIE, "", 0, SITE_WIDE));
    for (String path : REFRESH_PATHS) {
      response.header(HttpHeaders.SET_COOKIE, cookie(Tokens.REFRESH_COOKIE, "", 0, path));
    }
    return response.header(HttpHeaders.SET_COOKIE, cookie(Tokens.REFRESH_COOKIE, "", 0, SITE_WIDE));
  }

  String cookie(String name, String value, long maxAgeSeconds, String path) {
    StringBuilder cookie =
        new StringBuilder(name)
            .append('=')
            .append(value)
            .append("; Path=")
            .append(path)
            .append("; Max-Age=")
            .append(maxAgeSeconds);
    if (maxAgeSeconds == 0) {
      cookie.append("; Expires=Thu, 01 Jan 1970 00:00:00 GMT");
    }
    cookie.append("; HttpOnly; SameSite=Lax");
    if (secure) {
      cookie.append("; Secure");
    }
    return cookie.toString();
  }
}
