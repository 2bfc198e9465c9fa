package io.chatapp.platform.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The one error shape every service answers with: {@code {"message": "..."}}. */
public record ErrorBody(String message) {

  /** The refusal of a request that has no body where a JSON object is expected. */
  public static final String BODY_REQUIRED = "A JSON object body is required";

  /** A JSON error response of that status. */
  public static Response response(Response.StatusType status, String message) {
    return on(Response.status(status), message).build();
  }

  /** Puts the error body on a response being built, keeping its status and headers. */
  public static Response.ResponseBuilder on(Response.ResponseBuilder response, String message) {
    return response.entity(new ErrorBody(message)).type(MediaType.APPLICATION_JSON);
  }
}
