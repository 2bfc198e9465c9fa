package io.chatapp.platform.auth;

import io.chatapp.platform.errors.Refusal;
import io.chatapp.platform.rest.RefusalMapper;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/**
 * Lets an {@link Authenticated} request through only with a valid access token, as {@link
 * RequestAuthentication} decides (401, or 403 for a cookie login from a page of another site).
 */
@Provider
@Authenticated
@Priority(Priorities.AUTHENTICATION)
public class AuthenticationFilter implements ContainerRequestFilter {

  @Inject RequestAuthentication authentication;

  @Override
  public void filter(ContainerRequestContext request) {
    Cookie cookie = request.getCookies().get(Tokens.ACCESS_COOKIE);
    try {
      Caller caller =
          authentication.caller(
              request.getMethod(),
              request.getHeaderString(HttpHeaders.AUTHORIZATION),
              cookie == null ? null : cookie.getValue(),
              request.getHeaderString("Origin"),
              request.getHeaderString("Referer"));
      request.setSecurityContext(
          new CallerContext(caller, request.getSecurityContext().isSecure()));
      request.setProperty(CurrentCaller.ATTRIBUTE, caller); // a servlet request attribute
    } catch (Refusal refused) {
      request.abortWith(RefusalMapper.response(refused));
    }
  }
}
