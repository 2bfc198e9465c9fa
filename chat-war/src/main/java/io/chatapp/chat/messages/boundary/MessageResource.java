package io.chatapp.chat.messages.boundary;

import static io.chatapp.chat.common.boundary.Requests.accessToken;
import static io.chatapp.chat.common.boundary.Requests.object;
import static io.chatapp.chat.common.boundary.Requests.parse;
import static io.chatapp.chat.common.boundary.Requests.required;
import static io.chatapp.chat.common.boundary.Requests.string;
import static io.chatapp.chat.common.boundary.Requests.userId;

import io.chatapp.chat.chats.entity.ChatId;
import io.chatapp.chat.messages.control.MessageService;
import io.chatapp.chat.messages.entity.ClientId;
import io.chatapp.chat.messages.entity.Message;
import io.chatapp.chat.messages.entity.MessageId;
import io.chatapp.chat.messages.entity.MessageText;
import io.chatapp.chat.messages.entity.PageWindow;
import io.chatapp.chat.users.control.UserDirectory;
import io.chatapp.chat.users.entity.UserId;
import io.chatapp.platform.auth.Authenticated;
import io.chatapp.platform.auth.CurrentCaller;
import io.chatapp.platform.rest.ApiException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/**
 * Messages: send one ({@code POST /message}), read a chat's history ({@code GET /message/{id}}).
 */
@Path("/message")
@RequestScoped
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class MessageResource {

  @Inject MessageService messages;
  @Inject UserDirectory users;
  @Inject CurrentCaller caller;
  @Context HttpHeaders headers;

  /** Sends {@code {chatId, text, clientId?}}: 201 with the message once the broker has it. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response send(String body) {
    JsonObject request = object(body);
    ChatId chatId = parse(() -> new ChatId(required(request, "chatId")));
    MessageText text = parse(() -> new MessageText(string(request, "text")));
    Optional<ClientId> clientId =
        Optional.ofNullable(string(request, "clientId")).map(id -> parse(() -> new ClientId(id)));
    Message sent = messages.send(userId(caller.get()), chatId, text, clientId);
    return Response.status(Response.Status.CREATED)
        .entity(Json.createObjectBuilder().add("message", sent.toJson()).build())
        .build();
  }

  /** Image messages come with their own issue; until then they are refused clearly. */
  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  public Response sendImage() {
    throw new ApiException(
        Response.Status.UNSUPPORTED_MEDIA_TYPE, "Image messages are not supported yet");
  }

  /** A page of the chat's history, oldest first, with the other member's profile. */
  @GET
  @Path("/{chatId}")
  public JsonObject history(
      @PathParam("chatId") String chatId,
      @QueryParam("before") String before,
      @QueryParam("limit") String limit) {
    ChatId chat = parse(() -> new ChatId(chatId));
    Optional<MessageId> anchor =
        before == null || before.isBlank()
            ? Optional.empty()
            : Optional.of(parse(() -> new MessageId(before)));
    int size = parse(() -> PageWindow.limit(limit));
    UserId me = userId(caller.get());
    MessageService.Page page = messages.history(me, chat, anchor, size);
    var list = Json.createArrayBuilder();
    page.messages().forEach(message -> list.add(message.toJson()));
    return Json.createObjectBuilder()
        .add("messages", list)
        .add("user", users.profileOrUnknown(page.otherUser(), accessToken(headers)))
        .build();
  }
}
