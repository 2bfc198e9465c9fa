package io.chatapp.chat.chats.boundary;

import static io.chatapp.chat.common.boundary.Requests.accessToken;
import static io.chatapp.chat.common.boundary.Requests.parse;
import static io.chatapp.chat.common.boundary.Requests.userId;
import static io.chatapp.platform.json.JsonSupport.JSON;

import io.chatapp.chat.chats.control.GroupService;
import io.chatapp.chat.chats.entity.ChatId;
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
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/**
 * A group's members and name: {@code POST /chat/{chatId}/members {userIds}} (admins add), {@code
 * DELETE /chat/{chatId}/members/{userId}} (admins remove, anyone leaves), {@code POST
 * /chat/{chatId}/name {name}} (admins rename). The chat id is matched as 24 hex digits so that
 * {@code /chat/all} and {@code /chat/new} stay {@link ChatResource}'s.
 */
@Path("/chat/{chatId: [0-9a-fA-F]{24}}")
@ApplicationScoped
@Authenticated
@TellsOthers
@Produces(MediaType.APPLICATION_JSON)
public class GroupMembersResource {

  @Inject GroupService groups;
  @Inject CurrentCaller caller;
  @Context HttpHeaders headers;

  @POST
  @Path("/members")
  @Consumes(MediaType.APPLICATION_JSON)
  public JsonObject add(
      @PathParam("chatId") String chatId,
      @NotNull(message = ErrorBody.BODY_REQUIRED) @Valid MembersRequest request) {
    ChatId chat = parse(() -> new ChatId(chatId));
    groups.add(me(), chat, request.members(), accessToken(headers));
    return answer("Members added", chat);
  }

  @DELETE
  @Path("/members/{userId}")
  public JsonObject remove(@PathParam("chatId") String chatId, @PathParam("userId") String userId) {
    ChatId chat = parse(() -> new ChatId(chatId));
    UserId member = parse(() -> new UserId(userId));
    UserId me = me();
    groups.remove(me, chat, member, accessToken(headers));
    return answer(me.equals(member) ? "You left the group" : "Member removed", chat);
  }

  @POST
  @Path("/name")
  @Consumes(MediaType.APPLICATION_JSON)
  public JsonObject rename(
      @PathParam("chatId") String chatId,
      @NotNull(message = ErrorBody.BODY_REQUIRED) @Valid GroupNameRequest request) {
    ChatId chat = parse(() -> new ChatId(chatId));
    groups.rename(me(), chat, request.groupName(), accessToken(headers));
    return answer("Group renamed", chat);
  }

  private UserId me() {
    return userId(caller.get());
  }

  private static JsonObject answer(String message, ChatId chat) {
    return JSON.createObjectBuilder().add("message", message).add("chatId", chat.value()).build();
  }
}
