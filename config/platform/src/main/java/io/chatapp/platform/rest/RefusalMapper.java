package io.chatapp.platform.rest;

import io.chatapp.platform.errors.Refusal;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.time.Duration;

/**
 * Says a {@link Refusal} in HTTP: its kind as a status, its sentence as {@code {"message": ...}},
 * and when the caller may try again as {@code Retry-After} in whole seconds, at least one.
 */
@Provider
public class RefusalMapper implements ExceptionMapper<Refusal> {

  @Override
  public Response toResponse(Refusal refusal) {
    return response(refusal);
  }

  /** The answer to a refusal, for JAX-RS filters and servlet code as for resources. */
  public static Response response(Refusal refusal) {
    Response.ResponseBuilder answer = Response.status(status(refusal.kind()));
    refusal.retryAfter().ifPresent(wait -> answer.header("Retry-After", seconds(wait)));
    return ErrorBody.on(answer, refusal.getMessage()).build();
  }

  static Response.Status status(Refusal.Kind kind) {
    return switch (kind) {
      case BAD_INPUT -> Response.Status.BAD_REQUEST;
      case NOT_AUTHENTICATED -> Response.Status.UNAUTHORIZED;
      case FORBIDDEN -> Response.Status.FORBIDDEN;
      case NOT_FOUND -> Response.Status.NOT_FOUND;
      case CONFLICT -> Response.Status.CONFLICT;
      case TOO_LARGE -> Response.Status.REQUEST_ENTITY_TOO_LARGE;
      case UNSUPPORTED_TYPE -> Response.Status.UNSUPPORTED_MEDIA_TYPE;
      case TOO_MANY -> Response.Status.TOO_MANY_REQUESTS;
      case UPSTREAM_FAILED -> Response.Status.BAD_GATEWAY;
      case UNAVAILABLE, BUSY -> Response.Status.SERVICE_UNAVAILABLE;
    };
  }

  private static long seconds(Duration duration) {
    return Math.max(1, (duration.toMillis() + 999) / 1000);
  }
}
