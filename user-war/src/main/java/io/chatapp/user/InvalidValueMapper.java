package io.chatapp.user;

import io.chatapp.platform.rest.ErrorBody;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A broken value rule is the caller's mistake: 400 with the rule's sentence. */
@Provider
public class InvalidValueMapper implements ExceptionMapper<InvalidValue> {

  @Override
  public Response toResponse(InvalidValue exception) {
    return ErrorBody.response(Response.Status.BAD_REQUEST, exception.getMessage());
  }
}
