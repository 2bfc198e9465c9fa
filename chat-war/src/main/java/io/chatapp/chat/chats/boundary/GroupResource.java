package io.chatapp.chat.chats.boundary;

import static io.chatapp.chat.common.boundary.Requests.accessToken;
import static io.chatapp.chat.common.boundary.Requests.userId;
import static io.chatapp.platform.json.JsonSupport.JSON;

import io.chatapp.chat.chats.control.GroupService;
import io.chatapp.chat.chats.entity.Chat;
import io.chatapp.chat.chats.entity.GroupName;
import io.chatapp.chat.common.boundary.TellsOthers;
import io.chatapp.chat.users.entity.UserId;
import io.chatapp.platform.auth.Authenticated;
import io.chatapp.platform.auth.CurrentCaller;
import io.chatapp.platform.rest.ErrorBody;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Group chats: make one ({@code POST /chat/group {name, userIds}}). */
@Path("/chat/group")
@ApplicationScoped
@Authenticated
@TellsOthers
@Produces(MediaType.APPLICATION_JSON)
public class GroupResource {

  @Inject GroupService groups;
  @Inject CurrentCaller caller;
  @Context HttpHeaders headers;

  /** 201 {@code {chatId}}: the caller and the 2 to 255 people named, the caller its admin. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(
      @NotNull(message = ErrorBody.BODY_REQUIRED) @Valid NewGroupRequest request) {
    GroupName name = request.groupName();
    UserId me = userId(caller.get());
    Chat chat = groups.create(me, name, request.members(me), accessToken(headers));
    return Response.status(Response.Status.CREATED)
        .entity(
            JSON.createObjectBuilder()
                .add("message", "Group created")
                .add("chatId", chat.id().value())
                .build())
        .build();
  }
}
