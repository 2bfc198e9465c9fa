package io.chatapp.platform.auth;

import io.chatapp.platform.errors.Refusal;
import io.chatapp.platform.http.OriginCheck;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Who calls: the caller that a request's access token proves, from the {@code Authorization:
 * Bearer} header (integrators) or the {@code accessToken} cookie (browsers). A change made with the
 * cookie must come from the web UI's origins ({@link OriginCheck}). Asked by {@link
 * AuthenticationFilter} for JAX-RS resources, and by servlet code that serves a request itself.
 */
@ApplicationScoped
public class RequestAuthentication {

  @Inject TokenVerifier verifier;
  @Inject OriginCheck origins;

  public RequestAuthentication() {}

  /** For use outside the container (tests). */
  public RequestAuthentication(TokenVerifier verifier, OriginCheck origins) {
    this.verifier = verifier;
    this.origins = origins;
  }

  /**
   * The caller of a request with this method and these headers ({@code accessCookie}: the value of
   * the {@link Tokens#ACCESS_COOKIE} cookie, or null): 401 without a valid access token, 403 for a
   * change made with the cookie from a page of another site.
   */
  public Caller caller(
      String method, String authorization, String accessCookie, String origin, String referer) {
    Optional<String> token = RequestTokens.accessToken(authorization, accessCookie);
    if (token.isEmpty()) {
      throw Refusal.unauthorized("Not authenticated: log in first");
    }
    boolean byCookie = RequestTokens.accessToken(authorization, null).isEmpty();
    if (byCookie && origins.isForeign(method, origin, referer)) {
      throw Refusal.forbidden(OriginCheck.refusal());
    }
    return verifier
        .verifyAccess(token.get())
        .orElseThrow(
            () ->
                Refusal.unauthorized(
                    "The access token is invalid or expired: refresh it or log in"));
  }
}
