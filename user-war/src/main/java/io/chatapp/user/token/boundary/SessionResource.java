package io.chatapp.user.token.boundary;

import io.chatapp.platform.auth.Tokens;
import io.chatapp.platform.errors.Refusal;
import io.chatapp.platform.http.OriginCheck;
import io.chatapp.platform.rest.RefusalMapper;
import io.chatapp.user.MessageReply;
import io.chatapp.user.UserReply;
import io.chatapp.user.profile.entity.UserView;
import io.chatapp.user.token.control.Sessions;
import io.chatapp.user.token.entity.Session;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Renewing and ending a session, by the {@code refreshToken} cookie. */
@RequestScoped
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "session", description = "Token refresh and logout")
public class SessionResource {

  @Inject Sessions sessions;
  @Inject AuthCookies cookies;
  @Inject OriginCheck origins;

  /** When a client told the token was just replaced tries again: the other answer is in by then. */
  static final String RETRY_AFTER_SECONDS = "1";

  @GET
  @Path("auth/refresh")
  @Operation(
      summary = "Trade the refresh token for new access and refresh tokens (cookies)",
      description =
          "401 (cookies cleared) when the token does not work; 409 (cookies kept, Retry-After)"
              + " when another request traded the same token a moment ago: retry with the newest"
              + " cookie")
  public Response refresh(@CookieParam(Tokens.REFRESH_COOKIE) String refreshToken) {
    Session session;
    try {
      session = sessions.renew(refreshToken);
    } catch (Refusal refused) {
      Response.ResponseBuilder answer = Response.fromResponse(RefusalMapper.response(refused));
      if (refused.kind() == Refusal.Kind.CONFLICT) {
        // Just replaced by another request of the same browser, whose answer sets the new cookies:
        // clearing them here, after or before that one, would sign the browser out.
        return answer.header("Retry-After", RETRY_AFTER_SECONDS).build();
      }
      // A refresh token that no longer works is of no use to the browser: drop both cookies.
      return cookies.clear(answer).build();
    }
    return cookies
        .set(Response.ok(new UserReply("Token refreshed", UserView.of(session.user()))), session)
        .build();
  }

  @POST
  @Path("logout")
  @Operation(summary = "Revoke the refresh token and clear both cookies")
  public Response logout(
      @CookieParam(Tokens.REFRESH_COOKIE) String refreshToken,
      @HeaderParam("Origin") String origin,
      @HeaderParam("Referer") String referer) {
    if (origins.isForeign("POST", origin, referer)) {
      throw Refusal.forbidden(OriginCheck.refusal());
    }
    sessions.end(refreshToken);
    return cookies.clear(Response.ok(new MessageReply("Logged out successfully"))).build();
  }
}
