package io.chatapp.chat.chats.boundary;

import static io.chatapp.chat.common.boundary.Requests.accessToken;
import static io.chatapp.chat.common.boundary.Requests.object;
import static io.chatapp.chat.common.boundary.Requests.parse;
import static io.chatapp.chat.common.boundary.Requests.required;
import static io.chatapp.chat.common.boundary.Requests.userId;
import static io.chatapp.platform.json.JsonSupport.JSON;

import io.chatapp.chat.chats.control.GroupService;
import io.chatapp.chat.chats.entity.Chat;
import io.chatapp.chat.chats.entity.GroupName;
import io.chatapp.chat.chats.entity.NewMembers;
import io.chatapp.chat.common.boundary.TellsOthers;
import io.chatapp.chat.users.entity.UserId;
import io.chatapp.platform.auth.Authenticated;
import io.chatapp.platform.auth.CurrentCaller;
import io.chatapp.platform.errors.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Group chats: make one ({@code POST /chat/group {name, userIds}}). */
@Path("/chat/group")
@ApplicationScoped
@Authenticated
@TellsOthers
@Produces(MediaType.APPLICATION_JSON)
public class GroupResource {

  /** More ids than any group holds are refused before any is read. */
  private static final int MAX_IDS = 1000;

  @Inject GroupService groups;
  @Inject CurrentCaller caller;
  @Context HttpHeaders headers;

  /** 201 {@code {chatId}}: the caller and the 2 to 255 people named, the caller its admin. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(String body) {
    JsonObject request = object(body);
    GroupName name = parse(() -> new GroupName(required(request, "name")));
    UserId me = userId(caller.get());
    NewMembers members = parse(() -> NewMembers.forGroup(me, userIds(request)));
    Chat chat = groups.create(me, name, members, accessToken(headers));
    return Response.status(Response.Status.CREATED)
        .entity(
            JSON.createObjectBuilder()
                .add("message", "Group created")
                .add("chatId", chat.id().value())
                .build())
        .build();
  }

  /** The {@code userIds} field: a list of user ids (400 for anything else). */
  static List<UserId> userIds(JsonObject request) {
    JsonValue value = request.get("userIds");
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      throw Refusal.badRequest("userIds is required");
    }
    if (value.getValueType() != JsonValue.ValueType.ARRAY) {
      throw Refusal.badRequest("userIds must be a list of user ids");
    }
    if (value.asJsonArray().size() > MAX_IDS) {
      throw Refusal.badRequest("userIds names too many users");
    }
    return value.asJsonArray().stream()
        .map(
            id -> {
              if (id.getValueType() != JsonValue.ValueType.STRING) {
                throw Refusal.badRequest("userIds must be a list of user ids");
              }
              return parse(() -> new UserId(((JsonString) id).getString()));
            })
        .toList();
  }
}
