package io.chatapp.platform.rest;

import io.chatapp.platform.errors.DependencyUnavailableException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Logger;

/** 503 with {@code Retry-After} when a dependency is down; the log says which one and why. */
@Provider
public class DependencyUnavailableMapper
    implements ExceptionMapper<DependencyUnavailableException> {

  private static final Logger LOG = Logger.getLogger(DependencyUnavailableMapper.class.getName());

  @Override
  public Response toResponse(DependencyUnavailableException exception) {
    LOG.warning(() -> exception.getMessage() + ": " + exception.getCause());
    return ErrorBody.on(
            Response.status(Response.Status.SERVICE_UNAVAILABLE).header("Retry-After", 5),
            exception.dependency() + " is unavailable; try again shortly")
        .build();
  }
}
