package io.chatapp.platform.rest;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The runtime reports a body that does not bind as a {@link ProcessingException}: that is the
 * caller's mistake (400). Any other processing failure is a call to another service that did not go
 * through (503).
 */
@Provider
public class MalformedBodyMapper implements ExceptionMapper<ProcessingException> {

  private static final Logger LOG = Logger.getLogger(MalformedBodyMapper.class.getName());

  @Override
  public Response toResponse(ProcessingException exception) {
    Optional<String> malformed = BindingFailure.describe(exception);
    if (malformed.isPresent()) {
      return json(Response.Status.BAD_REQUEST, malformed.get());
    }
    LOG.log(Level.WARNING, "A call to another service failed: {0}", exception.getMessage());
    return json(
        Response.Status.SERVICE_UNAVAILABLE,
        "A service this one depends on is unavailable; try again shortly");
  }

  private static Response json(Response.Status status, String message) {
    return ErrorBody.response(status, message);
  }
}
