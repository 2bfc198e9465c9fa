package io.chatapp.platform.rest;

import static io.chatapp.platform.json.JsonSupport.JSON;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The error page of the API services ({@code <error-page>} in their {@code web.xml}): what the
 * container answers itself, for a path no resource has, a method it does not allow or a request it
 * cannot read, is {@code {"message": ...}} with the same status, like every other refusal, instead
 * of the server's HTML page or an empty body.
 */
public class JsonErrorPage extends HttpServlet {

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = code instanceof Integer number ? number : 500;
    response.setStatus(status);
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    response
        .getOutputStream()
        .write(
            JSON.createObjectBuilder()
                .add("message", message(status))
                .build()
                .toString()
                .getBytes(StandardCharsets.UTF_8));
  }

  static String message(int status) {
    return switch (status) {
      case 400 -> "The request could not be read";
      case 404 -> "No such resource";
      case 405 -> "This method is not allowed here";
      case 413 -> "The request is too large";
      case 414 -> "The address is too long";
      case 431 -> "The request headers are too large";
      default -> status >= 500 ? "Something went wrong on our side" : "The request was refused";
    };
  }
}
