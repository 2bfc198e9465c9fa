package io.chatapp.platform.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.NoContentException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;

/**
 * Gives every refusal of the JAX-RS runtime (404 for an unknown path, 405, 415, a body that is not
 * JSON) the {@code {"message": ...}} shape, keeping its status and headers. The application's own
 * refusals are {@link io.chatapp.platform.errors.Refusal}s ({@link RefusalMapper}).
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

  @Override
  public Response toResponse(WebApplicationException exception) {
    Response original = exception.getResponse();
    return ErrorBody.on(
            Response.fromResponse(original), messageFor(exception, original.getStatus()))
        .build();
  }

  private static String messageFor(WebApplicationException exception, int status) {
    Optional<String> malformed = BindingFailure.describe(exception);
    if (malformed.isPresent()) {
      return malformed.get();
    }
    if (exception.getCause() instanceof NoContentException) {
      return "The request body is empty: send a JSON object";
    }
    return switch (status) {
      case 400 -> "Bad request";
      case 401 -> "Not authenticated";
      case 403 -> "Forbidden";
      case 404 -> "Not found";
      case 405 -> "Method not allowed";
      case 406 -> "Not acceptable";
      case 413 -> "The request body is too large";
      case 415 -> "Unsupported media type: send application/json";
      default ->
          Response.Status.Family.familyOf(status) == Response.Status.Family.SERVER_ERROR
              ? "The service could not handle the request"
              : "Request refused";
    };
  }
}
