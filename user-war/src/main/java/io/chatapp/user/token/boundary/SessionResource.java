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

  @GET
  @Path("auth/refresh")
  @Operation(summary = "Trade the refresh token for new access and refresh tokens (cookies)")
  public Response refresh(@CookieParam(Tokens.REFRESH_COOKIE) String refreshToken) {
    Session session;
    try {
      session = sessions.renew(refreshToken);
    } catch (Refusal refused) {
      // A refresh token that no longer works is of no use to the browser: drop both cookies.
      return cookies.clear(Response.fromResponse(RefusalMapper.response(refused))).build();
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
