package io.chatapp.mail.health;

import io.chatapp.platform.amqp.BrokerConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when RabbitMQ (the send-otp queue) and the SMTP server answer. */
@ApplicationScoped
public class DependencyChecks {

  @Inject
  @ConfigProperty(name = "mail.host", defaultValue = "localhost")
  String host;

  @Inject
  @ConfigProperty(name = "mail.port", defaultValue = "3025")
  int port;

  @Produces
  @Readiness
  HealthCheck broker(BrokerConnection broker) {
    return broker::check;
  }

  @Produces
  @Readiness
  HealthCheck smtp() {
    return this::smtpGreets;
  }

  /** An SMTP server greets with 220 as soon as a connection opens. */
  private HealthCheckResponse smtpGreets() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), 2000);
      socket.setSoTimeout(2000);
      String greeting =
          new BufferedReader(
                  new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
              .readLine();
      boolean up = greeting != null && greeting.startsWith("220");
      return HealthCheckResponse.named("smtp")
          .status(up)
          .withData("server", host + ":" + port)
          .build();
    } catch (Exception e) {
      return HealthCheckResponse.named("smtp")
          .down()
          .withData("server", host + ":" + port)
          .withData("error", String.valueOf(e.getMessage()))
          .build();
    }
  }
}
