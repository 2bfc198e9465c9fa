package io.chatapp.user.profile.boundary;

import io.chatapp.platform.auth.Authenticated;
import io.chatapp.platform.auth.CurrentCaller;
import io.chatapp.platform.errors.Refusal;
import io.chatapp.platform.rest.ErrorBody;
import io.chatapp.user.UserReply;
import io.chatapp.user.profile.control.UserStore;
import io.chatapp.user.profile.entity.User;
import io.chatapp.user.profile.entity.UserId;
import io.chatapp.user.profile.entity.UserName;
import io.chatapp.user.profile.entity.UserView;
import io.chatapp.user.token.boundary.AuthCookies;
import io.chatapp.user.token.control.Sessions;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's own profile. */
@RequestScoped
@Authenticated
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "profile", description = "The logged-in user's profile")
public class ProfileResource {

  @Inject CurrentCaller caller;
  @Inject UserStore users;
  @Inject Sessions sessions;
  @Inject AuthCookies cookies;

  private final Clock clock = Clock.systemUTC();

  @GET
  @Path("me")
  @Operation(summary = "The logged-in user's document")
  public UserView me() {
    return UserView.of(users.find(callerId()).orElseThrow(ProfileResource::gone));
  }

  @POST
  @Path("update/user")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Change the display name; the new accessToken cookie carries it")
  public Response rename(@NotNull(message = ErrorBody.BODY_REQUIRED) @Valid RenameRequest request) {
    UserName name = new UserName(request.name());
    User user = users.rename(callerId(), name, clock.instant()).orElseThrow(ProfileResource::gone);
    return cookies
        .setAccess(
            Response.ok(new UserReply("Name updated", UserView.of(user))),
            sessions.accessToken(user, caller.get().session()))
        .build();
  }

  private UserId callerId() {
    return new UserId(caller.get().userId());
  }

  private static Refusal gone() {
    return Refusal.notFound("The logged-in user no longer exists");
  }
}
