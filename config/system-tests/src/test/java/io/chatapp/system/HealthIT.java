package io.chatapp.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every service of the started stack is live and ready, with a check per dependency. */
class HealthIT {

  @ParameterizedTest
  @ValueSource(strings = {"user", "mail", "chat", "frontend"})
  void everyServiceIsReady(String service) throws Exception {
    HttpResponse<String> ready = Stack.get(Stack.url(service) + "/health/ready");
    assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
    assertThat(ready.body()).contains("\"status\":\"UP\"");

    HttpResponse<String> live = Stack.get(Stack.url(service) + "/health/live");
    assertThat(live.statusCode()).isEqualTo(200);
  }

  @ParameterizedTest
  @ValueSource(strings = {"user", "chat"})
  void unknownPathsAnswerJsonErrors(String service) throws Exception {
    HttpResponse<String> response = Stack.get(Stack.url(service) + "/api/v1/no-such-thing");
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).contains("\"message\"");
  }
}
