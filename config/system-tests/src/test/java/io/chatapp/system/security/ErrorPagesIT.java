package io.chatapp.system.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.system.Stack;
import io.chatapp.system.chat.ChatClient;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What the container answers itself under the APIs is JSON too, never its HTML page. */
class ErrorPagesIT {

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
