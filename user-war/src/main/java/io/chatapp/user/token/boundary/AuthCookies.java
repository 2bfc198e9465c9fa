package io.chatapp.user.token.boundary;

import io.chatapp.platform.auth.Tokens;
import io.chatapp.user.token.entity.Session;
import io.chatapp.user.token.entity.SignedToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The session cookies: {@code accessToken} (15 min) and {@code refreshToken} (15 days), HttpOnly,
 * SameSite=Lax, Path=/, Secure when {@code cookie.secure} is set (production over HTTPS). Written
 * as plain header values so every attribute is exactly as here.
 */
@ApplicationScoped
public class AuthCookies {

  @Inject
  @ConfigProperty(name = "cookie.secure", defaultValue = "false")
  boolean secure;

  /** Sets both cookies of a new session. */
  public Response.ResponseBuilder set(Response.ResponseBuilder response, Session session) {
    return setAccess(response, session.accessToken())
        .header(
            HttpHeaders.SET_COOKIE,
            cookie(
                Tokens.REFRESH_COOKIE,
                session.refreshToken().value(),
                session.refreshToken().lifetime().toSeconds()));
  }

  /** Sets the access cookie alone. */
  public Response.ResponseBuilder setAccess(Response.ResponseBuilder response, SignedToken access) {
    return response.header(
        HttpHeaders.SET_COOKIE,
        cookie(Tokens.ACCESS_COOKIE, access.value(), access.lifetime().toSeconds()));
  }

  /** Removes both cookies from the browser. */
  public Response.ResponseBuilder clear(Response.ResponseBuilder response) {
    return response
        .header(HttpHeaders.SET_COOKIE, cookie(Tokens.ACCESS_COOKIE, "", 0))
        .header(HttpHeaders.SET_COOKIE, cookie(Tokens.REFRESH_COOKIE, "", 0));
  }

  String cookie(String name, String value, long maxAgeSeconds) {
    StringBuilder cookie =
        new StringBuilder(name)
            .append('=')
            .append(value)
            .append("; Path=/; Max-Age=")
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
