package io.chatapp.system.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.platform.faults.TcpProxy;
import io.chatapp.system.Stack;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A service started while Redis and RabbitMQ are down starts anyway, says on /health/ready which
 * dependency is missing, answers 503 rather than failing, and becomes ready by itself once they are
 * back. Redis and RabbitMQ are "down" behind loopback proxies, so the real servers keep serving the
 * rest of the stack.
 */
class DependencyOutageIT {

  private static TcpProxy redis;
  private static TcpProxy rabbit;
  private static Process service;
  private static int port;
  private static Path log;

  @BeforeAll
  static void startServiceWithDependenciesDown() throws Exception {
    Path root = Path.of(System.getProperty("chat.root", "../.."));
    Path data =
        Path.of(System.getenv().getOrDefault("CHAT_DATA_DIR", root.resolve(".data").toString()));
    redis = new TcpProxy("127.0.0.1", 6379);
    rabbit = new TcpProxy("127.0.0.1", 5672);
    port = TcpProxy.freePort();
    log = Files.createTempFile("outage-user-war", ".log");
    ProcessBuilder builder =
        new ProcessBuilder(
                "java",
                "-Xmx384m",
                "-XX:+UseSerialGC",
                "-jar",
                root.resolve("config/devstack/target/payara-micro.jar").toString(),
                "--nohazelcast",
                "--port",
                String.valueOf(port),
                "--rootDir",
                Files.createTempDirectory("outage-payara").toString(),
                "--deploy",
                root.resolve("user-war/target/user-war.war").toString(),
                "--contextroot",
                "/")
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    Map<String, String> env = builder.environment();
    env.put("REDIS_URL", "redis://127.0.0.1:" + redis.port());
    env.put("RABBITMQ_URL", "amqp://guest:guest@127.0.0.1:" + rabbit.port());
    env.put("JWT_PUBLIC_KEY", data.resolve("keys/jwt-public.pem").toString());
    env.put("JWT_PRIVATE_KEY", data.resolve("keys/jwt-private.pem").toString());
    env.put(
        "MONGODB_URI",
        System.getenv()
            .getOrDefault(
                "MONGODB_URI",
                "mongodb://127.0.0.1:" + System.getenv().getOrDefault("MONGO_PORT", "27017")));
    service = builder.start();
  }

  @AfterAll
  static void stop() throws Exception {
    if (service != null) {
      service.destroy();
      if (!service.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
        service.destroyForcibly();
      }
    }
    redis.close();
    rabbit.close();
  }

  @Test
  void startsNotReadyThenRecoversByItself() throws Exception {
    HttpResponse<String> notReady = awaitAnswer(Duration.ofSeconds(120));
    assertThat(notReady.statusCode()).as(notReady.body()).isEqualTo(503);
    assertThat(notReady.body()).contains("redis").contains("rabbitmq").contains("DOWN");

    HttpResponse<String> login =
        Stack.HTTP.send(
            HttpRequest.newBuilder(URI.create(base() + "/api/v1/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"outage@example.com\"}"))
                .timeout(Duration.ofSeconds(30))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).as(login.body()).isEqualTo(503);
    assertThat(login.body()).contains("\"message\"");

    redis.up();
    rabbit.up();
    Instant deadline = Instant.now().plusSeconds(60);
    HttpResponse<String> ready = health();
    while (ready.statusCode() != 200 && Instant.now().isBefore(deadline)) {
      Thread.sleep(1000);
      ready = health();
    }
    assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
  }

  private static String base() {
    return "http://127.0.0.1:" + port;
  }

  private static HttpResponse<String> health() throws Exception {
    try {
      return Stack.HTTP.send(
          HttpRequest.newBuilder(URI.create(base() + "/health/ready"))
              .timeout(Duration.ofSeconds(10))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException e) {
      return null;
    }
  }

  /** Waits until the deployment answers its readiness check with something other than "booting". */
  private static HttpResponse<String> awaitAnswer(Duration timeout) throws Exception {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      assertThat(service.isAlive()).as("user-war exited: " + tail()).isTrue();
      HttpResponse<String> response = health();
      if (response != null
          && response.body().contains("\"checks\"")
          && !response.body().contains("No Application deployed")) {
        return response;
      }
      Thread.sleep(1000);
    }
    throw new AssertionError("user-war did not answer within " + timeout + ": " + tail());
  }

  private static String tail() throws Exception {
    List<String> lines = Files.readAllLines(log);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
  }
}
