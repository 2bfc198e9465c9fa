package io.chatapp.frontend.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when the user and chat services, which every page calls, answer: their {@code
 * /health/live}. Not their {@code /health/ready}: on Payara Server one {@code /health/ready}
 * answers for every application deployed in the server, these checks included, so asking it from
 * here asked itself again and again until every check timed out and every application of the server
 * reported DOWN. Whether those services' own dependencies are up, they report themselves.
 */
@ApplicationScoped
public class DependencyChecks {

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @Inject
  @ConfigProperty(name = "user.service.url", defaultValue = "http://localhost:3000")
  String userService;

  @Inject
  @ConfigProperty(name = "chat.service.url", defaultValue = "http://localhost:3002")
  String chatService;

  @Produces
  @Readiness
  HealthCheck userService() {
    return () -> ready("user-service", userService);
  }

  @Produces
  @Readiness
  HealthCheck chatService() {
    return () -> ready("chat-service", chatService);
  }

  private HealthCheckResponse ready(String name, String baseUrl) {
    try {
      HttpResponse<Void> response =
          http.send(
              HttpRequest.newBuilder(URI.create(baseUrl + "/health/live"))
                  .timeout(Duration.ofSeconds(5))
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      return HealthCheckResponse.named(name)
          .status(response.statusCode() == 200)
          .withData("url", baseUrl)
          .build();
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      return HealthCheckResponse.named(name)
          .down()
          .withData("url", baseUrl)
          .withData("error", String.valueOf(e.getMessage()))
          .build();
    }
  }
}
