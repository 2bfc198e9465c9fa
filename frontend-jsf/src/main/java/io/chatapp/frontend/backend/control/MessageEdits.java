package io.chatapp.frontend.backend.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code PATCH /api/v1/message/{id}} to the chat service, the one call the REST client cannot make:
 * its HttpURLConnection connector refuses the PATCH method unless a reflective workaround opens
 * {@code java.net}, which Java 17 does not allow. So this call goes through {@code java.net.http}
 * with the same timeouts as the REST clients, and answers the same way ({@link Answer}).
 */
@ApplicationScoped
public class MessageEdits {

  private static final Logger LOG = Logger.getLogger(MessageEdits.class.getName());
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

  @Inject
  @ConfigProperty(name = "chat.service.url", defaultValue = "http://localhost:3002")
  String chatServiceUrl;

  public MessageEdits() {}

  /** For use outside the container (tests). */
  public MessageEdits(String chatServiceUrl) {
    this.chatServiceUrl = chatServiceUrl;
  }

  /** Sends the edit ({@code {"text": ...}}) as the user of {@code bearer}. */
  public Answer edit(String bearer, String messageId, String body) {
    String id = URLEncoder.encode(messageId, StandardCharsets.UTF_8).replace("+", "%20");
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(chatServiceUrl + "/api/v1/message/" + id))
            .timeout(Duration.ofSeconds(10))
            .header("Authorization", bearer)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .method("PATCH", HttpRequest.BodyPublishers.ofString(body))
            .build();
    try {
      HttpResponse<String> answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      String text = answer.body();
      return Answer.of(answer.statusCode(), text == null || text.isBlank() ? "{}" : text);
    } catch (IOException e) {
      LOG.warning(() -> "The chat service is unreachable: " + e.getMessage());
      return Answer.unreachable("chat");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Answer.unreachable("chat");
    }
  }
}
