package io.chatapp.user.login.boundary;

import io.chatapp.platform.http.ClientAddress;
import io.chatapp.platform.rest.ErrorBody;
import io.chatapp.user.MessageReply;
import io.chatapp.user.UserReply;
import io.chatapp.user.login.control.OtpLogin;
import io.chatapp.user.login.entity.Email;
import io.chatapp.user.profile.entity.User;
import io.chatapp.user.profile.entity.UserView;
import io.chatapp.user.token.boundary.AuthCookies;
import io.chatapp.user.token.control.Sessions;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Login by one-time code: ask for a code by email, then trade it for the session cookies. */
@RequestScoped
@Path("/")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "login", description = "One-time code login")
public class LoginResource {

  @Inject OtpLogin login;
  @Inject ClientAddress clients;
  @Context HttpServletRequest http;
  @Inject Sessions sessions;
  @Inject AuthCookies cookies;

  @POST
  @Path("login")
  @Operation(summary = "Mail a login code to the address (one request per 60 s)")
  public MessageReply login(
      @NotNull(message = ErrorBody.BODY_REQUIRED) @Valid LoginRequest request) {
    login.sendCode(new Email(request.email()), clients.of(http));
    return new MessageReply("OTP sent to your email");
  }

  @POST
  @Path("verify")
  @Operation(summary = "Trade the code for the accessToken and refreshToken cookies")
  public Response verify(@NotNull(message = ErrorBody.BODY_REQUIRED) @Valid VerifyRequest request) {
    User user = login.verify(new Email(request.email()), request.otp(), clients.of(http));
    return cookies
        .set(
            Response.ok(new UserReply("Login successful", UserView.of(user))), sessions.start(user))
        .build();
  }
}
