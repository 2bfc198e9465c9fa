package io.chatapp.platform.rest;

import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A body read as JSON-P ({@code JsonObject} parameters) that does not parse is the caller's
 * mistake: 400, not the 500 it would otherwise fall through to.
 */
@Provider
public class JsonParsingMapper implements ExceptionMapper<JsonParsingException> {

  @Override
  public Response toResponse(JsonParsingException exception) {
    return ErrorBody.response(Response.Status.BAD_REQUEST, "The request body is not valid JSON");
  }
}
