package io.chatapp.platform.auth;

import io.chatapp.platform.rest.ErrorBody;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;

/**
 * Lets an {@link Authenticated} request through only with a valid access token, from the {@code
 * Authorization: Bearer} header (integrators) or the {@code accessToken} cookie (browsers).
 */
@Provider
@Authenticated
@Priority(Priorities.AUTHENTICATION)
public class AuthenticationFilter implements ContainerRequestFilter {

  @Inject TokenVerifier verifier;
  @Inject CurrentCaller currentCaller;

  @Override
  public void filter(ContainerRequestContext request) {
    Cookie cookie = request.getCookies().get(Tokens.ACCESS_COOKIE);
    Optional<String> token =
        RequestTokens.accessToken(
            request.getHeaderString(HttpHeaders.AUTHORIZATION),
            cookie == null ? null : cookie.getValue());
    if (token.isEmpty()) {
      refuse(request, "Not authenticated: log in first");
      return;
    }
    verifier
        .verifyAccess(token.get())
        .ifPresentOrElse(
            currentCaller::set,
            () -> refuse(request, "The access token is invalid or expired: refresh it or log in"));
  }

  private static void refuse(ContainerRequestContext request, String message) {
    request.abortWith(ErrorBody.response(Response.Status.UNAUTHORIZED, message));
  }
}
