package io.chatapp.mail.health;

import io.chatapp.mail.sending.control.SmtpSettings;
import io.chatapp.platform.amqp.BrokerConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLSocketFactory;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when RabbitMQ (the send-otp queue) and the SMTP server answer. */
@ApplicationScoped
public class DependencyChecks {

  @Inject Config config;

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

  /** An SMTP server greets with 220 as soon as a connection opens (after TLS for mail.ssl). */
  private HealthCheckResponse smtpGreets() {
    SmtpSettings settings = SmtpSettings.from(config);
    String server = settings.host() + ":" + settings.port();
    try (Socket plain = new Socket()) {
      plain.connect(new InetSocketAddress(settings.host(), settings.port()), 2000);
      plain.setSoTimeout(2000);
      Socket socket =
          settings.ssl()
              ? ((SSLSocketFactory) SSLSocketFactory.getDefault())
                  .createSocket(plain, settings.host(), settings.port(), true)
              : plain;
      try (socket) {
        String greeting =
            new BufferedReader(
                    new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                .readLine();
        boolean up = greeting != null && greeting.startsWith("220");
        return HealthCheckResponse.named("smtp").status(up).withData("server", server).build();
      }
    } catch (Exception e) {
      return HealthCheckResponse.named("smtp")
          .down()
          .withData("server", server)
          .withData("error", String.valueOf(e.getMessage()))
          .build();
    }
  }
}
