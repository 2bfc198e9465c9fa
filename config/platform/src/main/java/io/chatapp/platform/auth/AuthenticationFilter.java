package io.chatapp.platform.auth;

import io.chatapp.platform.http.OriginCheck;
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
 * Authorization: Bearer} header (integrators) or the {@code accessToken} cookie (browsers). A
 * change made with the cookie must come from the web UI's origins ({@link OriginCheck}): 403
 * otherwise.
 */
@Provider
@Authenticated
@Priority(Priorities.AUTHENTICATION)
public class AuthenticationFilter implements ContainerRequestFilter {

  @Inject TokenVerifier verifier;
  @Inject OriginCheck origins;

  @Override
  public void filter(ContainerRequestContext request) {
    Cookie cookie = request.getCookies().get(Tokens.ACCESS_COOKIE);
    String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    Optional<String> token =
        RequestTokens.accessToken(authorization, cookie == null ? null : cookie.getValue());
    if (token.isEmpty()) {
      refuse(request, "Not authenticated: log in first");
      return;
    }
    boolean byCookie = RequestTokens.accessToken(authorization, null).isEmpty();
    if (byCookie
        && origins.isForeign(
            request.getMethod(),
            request.getHeaderString("Origin"),
            request.getHeaderString("Referer"))) {
      request.abortWith(ErrorBody.response(Response.Status.FORBIDDEN, OriginCheck.refusal()));
      return;
    }
    verifier
        .verifyAccess(token.get())
        .ifPresentOrElse(
            caller -> {
              request.setSecurityContext(
                  new CallerContext(caller, request.getSecurityContext().isSecure()));
              request.setProperty(CurrentCaller.ATTRIBUTE, caller); // a servlet request attribute
            },
            () -> refuse(request, "The access token is invalid or expired: refresh it or log in"));
  }

  private static void refuse(ContainerRequestContext request, String message) {
    request.abortWith(ErrorBody.response(Response.Status.UNAUTHORIZED, message));
  }
}
