package io.chatapp.chat.chats.boundary;

import static io.chatapp.chat.common.boundary.Requests.accessToken;
import static io.chatapp.chat.common.boundary.Requests.userId;
import static io.chatapp.platform.json.JsonSupport.JSON;

import io.chatapp.chat.chats.control.ChatService;
import io.chatapp.chat.chats.control.ChatStore;
import io.chatapp.chat.common.boundary.TellsOthers;
import io.chatapp.chat.users.entity.UserId;
import io.chatapp.platform.auth.Authenticated;
import io.chatapp.platform.auth.CurrentCaller;
import io.chatapp.platform.rest.ErrorBody;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * 1:1 chats: start one ({@code POST /chat/new}); list mine, groups beside them ({@code GET
 * /chat/all}). Groups are made and changed through {@link GroupResource} and {@link
 * GroupMembersResource}.
 */
@Path("/chat")
@ApplicationScoped
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ChatResource {

  @Inject ChatService chats;
  @Inject CurrentCaller caller;
  @Context HttpHeaders headers;

  /** The chat with {@code otherUserId}: 201 when made now, 200 when it existed. */
  @POST
  @Path("/new")
  @TellsOthers
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(
      @NotNull(message = ErrorBody.BODY_REQUIRED) @Valid NewChatRequest request) {
    ChatStore.Creation creation =
        chats.start(userId(caller.get()), request.other(), accessToken(headers));
    JsonObject answer =
        JSON.createObjectBuilder()
            .add("message", creation.created() ? "Chat created" : "Chat already exists")
            .add("chatId", creation.chat().id().value())
            .build();
    return Response.status(creation.created() ? Response.Status.CREATED : Response.Status.OK)
        .entity(answer)
        .build();
  }

  /** The caller's chats, newest activity first. */
  @GET
  @Path("/all")
  public JsonObject all() {
    UserId me = userId(caller.get());
    var list = JSON.createArrayBuilder();
    for (ChatService.Listed listed : chats.list(me, accessToken(headers))) {
      if (listed.chat().isGroup()) {
        var members = JSON.createArrayBuilder();
        listed.members().forEach(members::add);
        list.add(
            JSON.createObjectBuilder()
                .add("members", members)
                .add("chat", ChatJson.of(listed.chat(), me)));
      } else {
        list.add(
            JSON.createObjectBuilder()
                .add("user", listed.otherUser())
                .add("chat", ChatJson.of(listed.chat(), me)));
      }
    }
    return JSON.createObjectBuilder().add("chats", list).build();
  }
}
