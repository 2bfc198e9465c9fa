package io.chatapp.frontend.chat.boundary;

import static io.chatapp.platform.json.JsonSupport.JSON;

import io.chatapp.frontend.backend.control.Services;
import io.chatapp.platform.auth.TokenVerifier;
import io.chatapp.platform.http.OriginCheck;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Passes an image message (multipart: chatId, text, clientId, image) from the browser to the chat
 * service as the signed-in user, streaming the body: the chat service checks type and size.
 */
@WebServlet("/upload")
public class ImageUploadServlet extends HttpServlet {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

  @Inject OriginCheck origins;
  @Inject Services services;
  @Inject TokenVerifier verifier;

  @Inject
  @ConfigProperty(name = "chat.service.url", defaultValue = "http://localhost:3002")
  String chatServiceUrl;

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (origins.isForeign("POST", request.getHeader("Origin"), request.getHeader("Referer"))) {
      json(
          response,
          403,
          JSON.createObjectBuilder().add("message", OriginCheck.refusal()).build().toString());
      return;
    }
    String type = request.getContentType();
    if (type == null || !type.startsWith("multipart/form-data")) {
      json(response, 415, "{\"message\":\"Send the image as multipart/form-data\"}");
      return;
    }
    Optional<String> bearer = services.session(request, response).bearer(verifier);
    if (bearer.isEmpty()) {
      json(response, 401, "{\"message\":\"Your session has ended: please log in again\"}");
      return;
    }
    InputStream body = request.getInputStream();
    HttpRequest forward =
        HttpRequest.newBuilder(URI.create(chatServiceUrl + "/api/v1/message"))
            .timeout(Duration.ofSeconds(60))
            .header("Authorization", bearer.get())
            .header("Content-Type", type)
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body))
            .build();
    try {
      HttpResponse<byte[]> answer = HTTP.send(forward, HttpResponse.BodyHandlers.ofByteArray());
      response.setStatus(answer.statusCode());
      response.setContentType("application/json");
      try (OutputStream out = response.getOutputStream()) {
        out.write(answer.body());
      }
    } catch (IOException e) {
      json(
          response,
          503,
          "{\"message\":\"The chat service is unreachable; try again in a moment\"}");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      json(response, 503, "{\"message\":\"The upload was interrupted\"}");
    }
  }

  private static void json(HttpServletResponse response, int status, String body)
      throws IOException {
    response.setStatus(status);
    response.setContentType("application/json");
    response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
  }
}
