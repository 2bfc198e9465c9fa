package io.chatapp.platform.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.time.Duration;

/**
 * A refusal the caller can act on: a status and a sentence. Thrown from any layer; {@link
 * WebApplicationExceptionMapper} turns it into {@code {"message": ...}}.
 */
public class ApiException extends WebApplicationException {

  public ApiException(Response.Status status, String message) {
    this(Response.status(status), message);
  }

  private ApiException(Response.ResponseBuilder response, String message) {
    super(message, ErrorBody.on(response, message).build());
  }

  public static ApiException badRequest(String message) {
    return new ApiException(Response.Status.BAD_REQUEST, message);
  }

  public static ApiException unauthorized(String message) {
    return new ApiException(Response.Status.UNAUTHORIZED, message);
  }

  public static ApiException forbidden(String message) {
    return new ApiException(Response.Status.FORBIDDEN, message);
  }

  public static ApiException notFound(String message) {
    return new ApiException(Response.Status.NOT_FOUND, message);
  }

  public static ApiException conflict(String message) {
    return new ApiException(Response.Status.CONFLICT, message);
  }

  public static ApiException unavailable(String message) {
    return new ApiException(Response.Status.SERVICE_UNAVAILABLE, message);
  }

  /** 429 with a {@code Retry-After} header in whole seconds, at least one. */
  public static ApiException tooManyRequests(String message, Duration retryAfter) {
    return new ApiException(
        Response.status(Response.Status.TOO_MANY_REQUESTS)
            .header("Retry-After", seconds(retryAfter)),
        message);
  }

  /** 503 with {@code Retry-After}: the service is at capacity and took nothing. */
  public static ApiException busy(String message, Duration retryAfter) {
    return new ApiException(
        Response.status(Response.Status.SERVICE_UNAVAILABLE)
            .header("Retry-After", seconds(retryAfter)),
        message);
  }

  /**
   * No stack trace: a refusal is an answer, not a fault, and under overload the service gives
   * thousands a second (each a walk of Payara's deep request stack otherwise).
   */
  @Override
  public synchronized Throwable fillInStackTrace() {
    return this;
  }

  private static long seconds(Duration duration) {
    return Math.max(1, (duration.toMillis() + 999) / 1000);
  }
}
