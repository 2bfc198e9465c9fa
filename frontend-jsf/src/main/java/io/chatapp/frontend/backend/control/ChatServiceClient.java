package io.chatapp.frontend.backend.control;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The chat service's REST API as the UI uses it (MicroProfile REST Client). */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface ChatServiceClient {

  @GET
  @Path("/chat/all")
  Response chats(@HeaderParam("Authorization") String bearer);

  @POST
  @Path("/chat/new")
  Response newChat(@HeaderParam("Authorization") String bearer, String body);

  @GET
  @Path("/message/{chatId}")
  Response messages(
      @HeaderParam("Authorization") String bearer,
      @PathParam("chatId") String chatId,
      @QueryParam("before") String before,
      @QueryParam("limit") Integer limit);

  @POST
  @Path("/message")
  Response send(@HeaderParam("Authorization") String bearer, String body);

  @POST
  @Path("/chat/group")
  Response newGroup(@HeaderParam("Authorization") String bearer, String body);

  @POST
  @Path("/chat/{chatId}/members")
  Response addMembers(
      @HeaderParam("Authorization") String bearer, @PathParam("chatId") String chatId, String body);

  @DELETE
  @Path("/chat/{chatId}/members/{userId}")
  Response removeMember(
      @HeaderParam("Authorization") String bearer,
      @PathParam("chatId") String chatId,
      @PathParam("userId") String userId);

  @POST
  @Path("/chat/{chatId}/name")
  Response renameGroup(
      @HeaderParam("Authorization") String bearer, @PathParam("chatId") String chatId, String body);

  /** Editing ({@code PATCH}) is not here: see {@link MessageEdits}. */
  @DELETE
  @Path("/message/{messageId}")
  Response deleteMessage(
      @HeaderParam("Authorization") String bearer, @PathParam("messageId") String messageId);

  @POST
  @Path("/message/{messageId}/reactions")
  Response react(
      @HeaderParam("Authorization") String bearer,
      @PathParam("messageId") String messageId,
      String body);
}
