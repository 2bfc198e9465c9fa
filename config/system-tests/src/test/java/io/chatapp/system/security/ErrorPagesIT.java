package io.chatapp.system.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.system.Stack;
import io.chatapp.system.chat.ChatClient;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * What the server tells of itself: what the container answers itself under the APIs is JSON too,
 * never its HTML page; no answer names the server; {@code /metrics} is not public.
 */
class ErrorPagesIT {

  @Test
  void noAnswerNamesTheServerAndMetricsAreNotPublic() throws Exception {
    for (String service : new String[] {"chat", "user", "frontend", "mail"}) {
      HttpResponse<String> health =
          Stack.HTTP.send(
              HttpRequest.newBuilder(URI.create(Stack.url(service) + "/health/ready")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(health.headers().firstValue("Server")).as(service).isEmpty();
      assertThat(health.headers().firstValue("X-Powered-By")).as(service).isEmpty();
      HttpResponse<String> metrics =
          Stack.HTTP.send(
              HttpRequest.newBuilder(URI.create(Stack.url(service) + "/metrics")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(metrics.statusCode()).as(service + " /metrics").isIn(403, 404);
    }
  }

  @Test
  void pathTricksAndUnknownPathsGetAJsonMessage() throws Exception {
    for (String service : new String[] {"chat", "user"}) {
      for (String path :
          new String[] {
            "/api/v1/..%2f..%2fetc/passwd", "/api/v1/%2e%2e/%2e%2e/etc/passwd", "/nowhere"
          }) {
        HttpResponse<String> answer =
            Stack.HTTP.send(
                HttpRequest.newBuilder(URI.create(Stack.url(service) + path))
                    .timeout(Duration.ofSeconds(10))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(service + path).isBetween(400, 499);
        assertThat(answer.headers().firstValue("Content-Type").orElse(""))
            .as(service + path + ": " + answer.body())
            .contains("application/json");
        assertThat(ChatClient.json(answer.body()).getString("message")).isNotBlank();
      }
    }
  }
}
