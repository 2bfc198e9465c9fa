package io.chatapp.platform.rest;

import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
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
    if (isMalformedJson(exception)) {
      return json(
          Response.Status.BAD_REQUEST, "The request body is not valid JSON of the expected shape");
    }
    LOG.log(Level.WARNING, "A call to another service failed: {0}", exception.getMessage());
    return json(
        Response.Status.SERVICE_UNAVAILABLE,
        "A service this one depends on is unavailable; try again shortly");
  }

  static boolean isMalformedJson(Throwable exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof JsonbException || cause instanceof JsonParsingException) {
        return true;
      }
    }
    return false;
  }

  private static Response json(Response.Status status, String message) {
    return ErrorBody.response(status, message);
  }
}
