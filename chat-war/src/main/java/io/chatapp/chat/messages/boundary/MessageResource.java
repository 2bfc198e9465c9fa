package io.chatapp.chat.messages.boundary;

import static io.chatapp.chat.common.boundary.Requests.accessToken;
import static io.chatapp.chat.common.boundary.Requests.parse;
import static io.chatapp.chat.common.boundary.Requests.userId;
import static io.chatapp.platform.json.JsonSupport.JSON;

import io.chatapp.chat.chats.entity.ChatId;
import io.chatapp.chat.common.boundary.TellsOthers;
import io.chatapp.chat.media.control.ImageInspector;
import io.chatapp.chat.media.entity.ImageFile;
import io.chatapp.chat.messages.control.MessageEdits;
import io.chatapp.chat.messages.control.MessageHistory;
import io.chatapp.chat.messages.control.MessageReactions;
import io.chatapp.chat.messages.control.MessageService;
import io.chatapp.chat.messages.entity.Caption;
import io.chatapp.chat.messages.entity.ClientId;
import io.chatapp.chat.messages.entity.Message;
import io.chatapp.chat.messages.entity.MessageId;
import io.chatapp.chat.messages.entity.MessageText;
import io.chatapp.chat.messages.entity.PageWindow;
import io.chatapp.chat.users.control.UserDirectory;
import io.chatapp.chat.users.entity.UserId;
import io.chatapp.platform.auth.Authenticated;
import io.chatapp.platform.auth.CurrentCaller;
import io.chatapp.platform.errors.Refusal;
import io.chatapp.platform.rest.ErrorBody;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Messages: send one ({@code POST /message}, a reply with {@code replyTo}), read a chat's history
 * ({@code GET /message/{id}}), edit or delete one's own ({@code PATCH}/{@code DELETE
 * /message/{messageId}}), react ({@code POST /message/{messageId}/reactions}).
 */
@Path("/message")
@ApplicationScoped
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class MessageResource {

  @Inject MessageService messages;
  @Inject MessageHistory history;
  @Inject MessageEdits edits;
  @Inject MessageReactions reactions;
  @Inject UserDirectory users;
  @Inject CurrentCaller caller;
  @Inject ImageInspector inspector;
  @Context HttpHeaders headers;

  /** A text field of a multipart request: 4,000 characters of up to 4 bytes, and some room. */
  private static final int FIELD_BYTES = 4 * MessageText.MAX_LENGTH + 1024;

  /**
   * Sends {@code {chatId, text, clientId?, replyTo?}}: 201 with the message once the broker has it.
   * {@link JsonSendFilter} serves these sends ahead of JAX-RS, the same way; this method documents
   * the request and serves a client that the filter leaves to JAX-RS (one that does not accept JSON
   * gets 406 here).
   */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response send(String body) {
    return created(SendRequest.read(body).sendAs(userId(caller.get()), messages));
  }

  /**
   * Sends multipart {@code chatId}, optional {@code image}, {@code text} and {@code clientId}, as
   * the original web client sends every message: with an image, an image message (415 when it is
   * not JPG, PNG, GIF or WEBP, 413 when it is too large in bytes or pixels, 400 when it does not
   * decode or is not the format its file name or part content type says; stored re-encoded, without
   * its metadata); without one, a text message like the JSON send. 201 with the message. The image
   * is read and decoded only once the sender may send to the chat (403/404), within their rate
   * (429) and admitted (503), which all come first.
   */
  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  public Response sendImage(List<EntityPart> parts) {
    Map<String, EntityPart> byName = new HashMap<>();
    for (EntityPart part : parts) {
      byName.putIfAbsent(part.getName(), part);
    }
    ChatId chatId = parse(() -> new ChatId(field(byName, "chatId")));
    Caption caption = parse(() -> new Caption(field(byName, "text")));
    Optional<ClientId> clientId =
        Optional.ofNullable(field(byName, "clientId")).map(id -> parse(() -> new ClientId(id)));
    Optional<MessageId> replyTo = SendRequest.replyTo(field(byName, "replyTo"));
    EntityPart imagePart = byName.get("image");
    if (imagePart == null) {
      if (caption.value().isEmpty()) {
        throw Refusal.badRequest("text or image is required");
      }
      MessageText text = parse(() -> new MessageText(caption.value()));
      return created(messages.send(userId(caller.get()), chatId, text, clientId, replyTo));
    }
    return created(
        messages.sendImage(
            userId(caller.get()), chatId, () -> image(imagePart), caption, clientId, replyTo));
  }

  /**
   * The image part read and inspected: called by the send once the sender may send to the chat, so
   * no one else gets an upload decoded.
   */
  private ImageFile image(EntityPart imagePart) {
    byte[] bytes;
    try (InputStream content = imagePart.getContent()) {
      bytes = inspector.readLimited(content);
    } catch (IOException e) {
      throw Refusal.badRequest("The multipart request could not be read");
    }
    if (bytes.length == 0) {
      throw Refusal.badRequest("image is empty");
    }
    return inspector.inspect(
        bytes,
        imagePart.getFileName().orElse(null),
        imagePart.getMediaType() == null ? null : imagePart.getMediaType().toString());
  }

  /**
   * Edits {@code {text}} of the caller's message (an image's caption) within the edit window: 200
   * with {@code {message}} as edited.
   */
  @PATCH
  @Path("/{messageId}")
  @TellsOthers
  @Consumes(MediaType.APPLICATION_JSON)
  public JsonObject edit(
      @PathParam("messageId") String messageId,
      @NotNull(message = ErrorBody.BODY_REQUIRED) @Valid EditRequest request) {
    MessageId id = parse(() -> new MessageId(messageId));
    return wrapped(edits.edit(userId(caller.get()), id, request.caption()));
  }

  /**
   * Deletes the caller's message for everyone: 200 with {@code {message}} as it stays in the
   * history ({@code deleted: true}); the same again for a message deleted before.
   */
  @DELETE
  @Path("/{messageId}")
  @TellsOthers
  public JsonObject delete(@PathParam("messageId") String messageId) {
    MessageId id = parse(() -> new MessageId(messageId));
    return wrapped(edits.delete(userId(caller.get()), id));
  }

  /**
   * Toggles the caller's reaction {@code {emoji}} (one emoji): 200 with {@code {chatId, messageId,
   * reactions}}, everyone's reactions as they are now.
   */
  @POST
  @Path("/{messageId}/reactions")
  @TellsOthers
  @Consumes(MediaType.APPLICATION_JSON)
  public JsonObject react(
      @PathParam("messageId") String messageId,
      @NotNull(message = ErrorBody.BODY_REQUIRED) @Valid ReactionRequest request) {
    MessageId id = parse(() -> new MessageId(messageId));
    Message reacted = reactions.toggle(userId(caller.get()), id, request.reaction());
    return JSON.createObjectBuilder()
        .add("chatId", reacted.chatId().value())
        .add("messageId", reacted.id().value())
        .add("reactions", MessageJson.reactions(reacted.reactions()))
        .build();
  }

  private static JsonObject wrapped(Message message) {
    return JSON.createObjectBuilder().add("message", MessageJson.of(message)).build();
  }

  private static Response created(Message sent) {
    return Response.status(Response.Status.CREATED).entity(SendRequest.created(sent)).build();
  }

  /** A text field of a multipart request; null when absent. */
  private static String field(Map<String, EntityPart> parts, String name) {
    EntityPart part = parts.get(name);
    if (part == null) {
      return null;
    }
    try (InputStream content = part.getContent()) {
      byte[] bytes = content.readNBytes(FIELD_BYTES + 1);
      if (bytes.length > FIELD_BYTES) {
        throw Refusal.badRequest(name + " is too long");
      }
      return new String(bytes, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw Refusal.badRequest("The multipart request could not be read");
    }
  }

  /**
   * A page of the chat's history, oldest first, with the other member's profile; in a group with
   * the members' profiles, and each message with who read it ({@code readBy [{userId, at}]}) and
   * who has it ({@code deliveredTo}).
   */
  @GET
  @Path("/{chatId}")
  @TellsOthers
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
    MessageHistory.Page page = history.page(me, chat, anchor, size);
    if (page.chat() != null && page.chat().isGroup()) {
      return GroupPages.toJson(page, me, users, accessToken(headers));
    }
    var list = JSON.createArrayBuilder();
    page.messages().forEach(message -> list.add(MessageJson.of(message)));
    return JSON.createObjectBuilder()
        .add("messages", list)
        .add("user", users.profileOrUnknown(page.otherUser(), accessToken(headers)))
        .build();
  }
}
