package io.chatapp.platform.rest;

import static io.chatapp.platform.json.JsonSupport.JSON;

import io.chatapp.platform.errors.DependencyUnavailableException;
import io.chatapp.platform.errors.Refusal;
import jakarta.json.JsonObject;
import jakarta.json.stream.JsonParsingException;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Answers written by servlet code that serves a request itself, before JAX-RS, as the API's
 * resources answer: a JSON body, and for a failure the status, headers and {@code {"message": ...}}
 * that the API's exception mapper for it gives.
 */
public final class ServletAnswers {

  private ServletAnswers() {}

  /** {@code body} as JSON, with that status. */
  public static void json(HttpServletResponse response, int status, JsonObject body)
      throws IOException {
    byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
    response.setStatus(status);
    response.setContentType("application/json");
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }

  /** {@code {"message": ...}}, with that status. */
  public static void refuse(HttpServletResponse response, int status, String message)
      throws IOException {
    json(response, status, JSON.createObjectBuilder().add("message", message).build());
  }

  /** What the API answers for this failure: its exception mapper's response, written out. */
  public static void failure(HttpServletResponse response, RuntimeException failure)
      throws IOException {
    Response answer = mapped(failure);
    answer
        .getStringHeaders()
        .forEach(
            (name, values) -> {
              if (!HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)) {
                values.forEach(value -> response.addHeader(name, value));
              }
            });
    if (answer.getEntity() instanceof ErrorBody error) {
      refuse(response, answer.getStatus(), error.message());
    } else {
      response.setStatus(answer.getStatus());
    }
  }

  /** The response of the mapper JAX-RS picks for this failure. */
  static Response mapped(RuntimeException failure) {
    if (failure instanceof Refusal refused) {
      return RefusalMapper.response(refused);
    }
    if (failure instanceof WebApplicationException refused) {
      return new WebApplicationExceptionMapper().toResponse(refused);
    }
    if (failure instanceof DependencyUnavailableException unavailable) {
      return new DependencyUnavailableMapper().toResponse(unavailable);
    }
    if (failure instanceof JsonParsingException malformed) {
      return new JsonParsingMapper().toResponse(malformed);
    }
    return new UnexpectedExceptionMapper().toResponse(failure);
  }
}
