package io.chatapp.platform.auth;

import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;

/**
 * The request's security context once {@link AuthenticationFilter} verified its token: it carries
 * the {@link Caller}. A resource takes it as {@code @Context SecurityContext} and asks {@link
 * #caller}; being part of the request, it needs no request-scoped bean, so resources can be
 * application-scoped (measured: creating request-scoped beans per request was a fifth of chat-war's
 * CPU on the send path).
 */
public record CallerContext(Caller caller, boolean secure) implements SecurityContext {

  /** The authenticated caller; only call from an {@link Authenticated} resource. */
  public static Caller caller(SecurityContext context) {
    // asked through the principal: a resource's context may be the container's proxy of this one
    if (context.getUserPrincipal() instanceof Caller caller) {
      return caller;
    }
    throw new IllegalStateException("No authenticated caller in this request");
  }

  @Override
  public Principal getUserPrincipal() {
    return caller;
  }

  @Override
  public boolean isUserInRole(String role) {
    return false;
  }

  @Override
  public boolean isSecure() {
    return secure;
  }

  @Override
  public String getAuthenticationScheme() {
    return "Bearer";
  }
}
