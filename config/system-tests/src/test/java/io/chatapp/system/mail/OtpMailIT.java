package io.chatapp.system.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.chatapp.system.Mailbox;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A mail request on the stack's {@code send-otp} queue, as the user service publishes it, reaches
 * the stack's mailbox once, even when the broker delivers it twice.
 */
class OtpMailIT {

  private static final Duration WAIT = Duration.ofSeconds(30);

  @Test
  void aMailRequestOnSendOtpArrivesInTheMailboxExactlyOnce() throws Exception {
    String to = "mail-it-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    String id = UUID.randomUUID().toString();
    try (Connection connection = connect();
        Channel channel = connection.createChannel()) {
      channel.confirmSelect();
      channel.queueDeclare("send-otp", true, false, false, null);

      publish(channel, id, to, "Your login code", "Your login code is 31415926.");
      JsonObject mail = awaitMail(to, "Your login code");
      assertThat(mail.getString("text")).contains("31415926").contains("5 minutes");
      assertThat(mail.getString("html")).contains(">31415926<");

      // The same message again, as after a lost acknowledgement, then a marker behind it.
      publish(channel, id, to, "Your login code", "Your login code is 31415926.");
      publish(channel, UUID.randomUUID().toString(), to, "Marker", "Marker 27182818.");
      awaitMail(to, "Marker");
      assertThat(Mailbox.mails(to).stream().map(JsonObject.class::cast))
          .filteredOn(m -> m.getString("subject").equals("Your login code"))
          .hasSize(1);
    }
  }

  private static Connection connect() throws Exception {
    String url = System.getenv("RABBITMQ_URL");
    ConnectionFactory factory = new ConnectionFactory();
    factory.setUri(url == null || url.isBlank() ? "amqp://guest:guest@localhost:5672" : url);
    factory.setConnectionTimeout(3000);
    return factory.newConnection("system-tests");
  }

  private static void publish(Channel channel, String id, String to, String subject, String body)
      throws Exception {
    String json =
        Json.createObjectBuilder()
            .add("to", to)
            .add("subject", subject)
            .add("body", body)
            .build()
            .toString();
    AMQP.BasicProperties properties =
        new AMQP.BasicProperties.Builder()
            .contentType("application/json")
            .deliveryMode(2)
            .messageId(id)
            .build();
    channel.basicPublish("", "send-otp", true, properties, json.getBytes(StandardCharsets.UTF_8));
    channel.waitForConfirmsOrDie(5000);
  }

  private static JsonObject awaitMail(String to, String subject) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      for (var value : Mailbox.mails(to)) {
        JsonObject mail = value.asJsonObject();
        if (mail.getString("subject").equals(subject)) {
          return mail;
        }
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("No mail '" + subject + "' to " + to + " within " + WAIT);
      }
      Thread.sleep(200);
    }
  }
}
