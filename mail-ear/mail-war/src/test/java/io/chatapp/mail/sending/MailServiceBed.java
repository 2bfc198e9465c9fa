package io.chatapp.mail.sending;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.chatapp.platform.mail.OtpMailQueue;
import io.chatapp.testsupport.BrokerVirtualHost;
import io.chatapp.testsupport.DeploymentSettings;
import io.chatapp.testsupport.InContainer;
import io.chatapp.testsupport.SharedFixtures;
import jakarta.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * What a deployed mail-war needs, made once per test JVM: a RabbitMQ virtual host of the run's own,
 * where the test publishes to {@code send-otp} as user-war does, a real SMTP server on a port from
 * 18000 to 18999 that the test can stop and start again, and a sent-ids file of the run's own.
 * Removed when the JVM ends.
 */
final class MailServiceBed implements AutoCloseable {

  static final String FROM = "Chat <no-reply@chat.local>";

  final TestSmtp smtp = TestSmtp.inRange(18000, 18999);
  private final BrokerVirtualHost vhost = new BrokerVirtualHost("mail-it");
  private final Path sentIds = Files.createTempFile("mail-it-sent-ids-", ".log");

  private MailServiceBed() throws IOException {}

  static MailServiceBed get() {
    return SharedFixtures.of(MailServiceBed.class, MailServiceBed::new);
  }

  /** The mail-war WAR this build packaged, with this bed's settings. */
  static WebArchive deployment() {
    return InContainer.builtWar(get().settings());
  }

  /** Publishes a mail request under a new message id, as user-war does; returns the id. */
  String publish(String to, String subject, String body) throws Exception {
    String id = UUID.randomUUID().toString();
    publish(id, to, subject, body);
    return id;
  }

  /** Publishes it persistent, under this id, and waits for the broker's confirm. */
  void publish(String messageId, String to, String subject, String body) throws Exception {
    Map<String, Object> request = Map.of("to", to, "subject", subject, "body", body);
    byte[] json = Json.createObjectBuilder(request).build().toString().getBytes(UTF_8);
    try (Connection connection = vhost.connect("mail-it-publisher");
        Channel channel = connection.createChannel()) {
      OtpMailQueue.SEND_OTP.declare(channel);
      channel.confirmSelect();
      channel.basicPublish(
          "",
          OtpMailQueue.SEND_OTP.name(),
          new AMQP.BasicProperties.Builder()
              .messageId(messageId)
              .deliveryMode(2)
              .contentType("application/json")
              .build(),
          json);
      channel.waitForConfirmsOrDie(5000);
    }
  }

  /** Messages ready in this queue of the bed's virtual host. */
  int ready(String queue) {
    try (Connection connection = vhost.connect("mail-it-observer");
        Channel channel = connection.createChannel()) {
      return channel.queueDeclarePassive(queue).getMessageCount();
    } catch (Exception e) {
      return -1;
    }
  }

  /** Waits until no queue holds a message, handed out or not, the dead letters included. */
  void awaitNothingLeft(Duration within) throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    Map<String, Integer> messages = vhost.messages();
    while (messages.values().stream().anyMatch(count -> count > 0)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Messages still in the broker after " + within + ": " + messages);
      }
      Thread.sleep(200);
      messages = vhost.messages();
    }
  }

  private DeploymentSettings settings() {
    return new DeploymentSettings()
        .broker(vhost)
        .with("mail.host", "127.0.0.1")
        .with("mail.port", Integer.toString(smtp.port))
        .with("mail.from", FROM)
        .with("mail.timeout-ms", "2000")
        .with("mail.sent-ids.file", sentIds.toString());
  }

  @Override
  public void close() throws IOException {
    vhost.close();
    smtp.close();
    Files.deleteIfExists(sentIds);
  }
}
