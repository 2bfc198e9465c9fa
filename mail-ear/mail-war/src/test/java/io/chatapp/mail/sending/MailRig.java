package io.chatapp.mail.sending;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.chatapp.mail.sending.control.MailSender;
import io.chatapp.mail.sending.control.OtpMailHandler;
import io.chatapp.mail.sending.control.SentMailLog;
import io.chatapp.mail.sending.control.SmtpSettings;
import io.chatapp.platform.amqp.BrokerConnection;
import io.chatapp.platform.amqp.BrokerConsumers;
import io.chatapp.platform.amqp.BrokerPublisher;
import io.chatapp.platform.amqp.MessageHandler;
import io.chatapp.platform.amqp.WorkQueue;
import jakarta.json.Json;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * The mail service's real consumer, outside the container: the platform's broker connection on
 * plain executors, the real handler and sender, a real SMTP server (GreenMail) and the real
 * RabbitMQ ({@code RABBITMQ_URL}). Each rig uses a queue of its own, deleted at the end, so tests
 * never touch the {@code send-otp} queue of a running stack.
 */
final class MailRig implements AutoCloseable {

  static final String FROM = "Chat <no-reply@chat.local>";

  final WorkQueue queue;
  final TestSmtp smtp = TestSmtp.onFreePort();
  final SentMailLog sent = new SentMailLog(null, 10_000);
  final MailSender sender = new MailSender(SmtpSettings.plain("127.0.0.1", smtp.port, FROM));
  final OtpMailHandler handler = new OtpMailHandler(sender, sent);

  /** Every call of the handler, per message id (its time), and how many are running. */
  final Map<String, List<Instant>> calls = new ConcurrentHashMap<>();

  final AtomicInteger running = new AtomicInteger();

  private final ExecutorService consumers = Executors.newFixedThreadPool(2);
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final BrokerConnection broker;
  private final BrokerPublisher publisher;

  MailRig(List<Duration> retryDelays, int prefetch, UnaryOperator<MessageHandler> decorate) {
    queue = new WorkQueue("send-otp-test-" + UUID.randomUUID(), retryDelays);
    broker =
        new BrokerConnection(rabbitUrl(), consumers, scheduler, Executors.defaultThreadFactory());
    publisher = new BrokerPublisher(broker, 5000);
    MessageHandler inner = decorate.apply(handler);
    new BrokerConsumers(broker, publisher)
        .subscribe(
            queue,
            prefetch,
            (body, messageId) -> {
              calls
                  .computeIfAbsent(String.valueOf(messageId), id -> new CopyOnWriteArrayList<>())
                  .add(Instant.now());
              running.incrementAndGet();
              try {
                inner.handle(body, messageId);
              } finally {
                running.decrementAndGet();
              }
            });
    broker.start();
    await(Duration.ofSeconds(30), this::connected, "the broker connection");
  }

  /** The real handler, unchanged. */
  MailRig(List<Duration> retryDelays) {
    this(retryDelays, 5, UnaryOperator.identity());
  }

  static String rabbitUrl() {
    String url = System.getenv("RABBITMQ_URL");
    return url == null || url.isBlank() ? "amqp://guest:guest@localhost:5672" : url;
  }

  boolean connected() {
    return broker.check().getStatus() == HealthCheckResponse.Status.UP;
  }

  /** Publishes a MailRequest as the user service does: persistent, confirmed, with an id. */
  String publish(String to, String subject, String body) {
    String json =
        Json.createObjectBuilder()
            .add("to", to)
            .add("subject", subject)
            .add("body", body)
            .build()
            .toString();
    return publishRaw(json.getBytes(StandardCharsets.UTF_8));
  }

  String publishRaw(byte[] body) {
    String id = UUID.randomUUID().toString();
    publishRaw(id, body);
    return id;
  }

  void publishRaw(String messageId, byte[] body) {
    publisher.publish("", queue.name(), messageId, body);
  }

  /** Starts the SMTP server on the rig's port, again after {@link #stopSmtp()}. */
  void startSmtp() {
    smtp.start();
  }

  void stopSmtp() {
    smtp.stop();
  }

  /** Mail received, optionally only to one address. */
  List<MimeMessage> received(String to) {
    return smtp.received(to);
  }

  /** Messages waiting in the queue and in every retry step (not those being handled). */
  int waiting() throws Exception {
    List<String> names = new ArrayList<>(List.of(queue.name()));
    for (int step = 1; step < queue.maxAttempts(); step++) {
      names.add(queue.retryQueue(step));
    }
    int total = 0;
    for (String name : names) {
      total += count(name);
    }
    return total;
  }

  int count(String queueName) throws Exception {
    return admin(channel -> channel.queueDeclarePassive(queueName).getMessageCount());
  }

  /** Consumers on the queue; -1 when it does not exist. */
  int consumers() {
    try {
      return admin(channel -> channel.queueDeclarePassive(queue.name()).getConsumerCount());
    } catch (Exception e) {
      return -1;
    }
  }

  void deleteQueue() throws Exception {
    admin(channel -> channel.queueDelete(queue.name()));
  }

  /** Takes the parked messages out of the dead-letter queue. */
  List<byte[]> takeDead() throws Exception {
    return admin(
        channel -> {
          List<byte[]> bodies = new ArrayList<>();
          com.rabbitmq.client.GetResponse response;
          while ((response = channel.basicGet(queue.deadLetterQueue(), true)) != null) {
            bodies.add(response.getBody());
          }
          return bodies;
        });
  }

  /** Nothing waits in the queues and nothing is being handled. */
  void awaitIdle(Duration within) {
    await(
        within,
        () -> {
          try {
            return running.get() == 0 && waiting() == 0;
          } catch (Exception e) {
            return false;
          }
        },
        "the queues to drain");
  }

  static void await(Duration within, BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + within.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "Timed out after " + within.toSeconds() + " s waiting for " + what);
      }
      sleep(Duration.ofMillis(100));
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  @Override
  public void close() throws Exception {
    broker.stop();
    consumers.shutdownNow();
    scheduler.shutdownNow();
    consumers.awaitTermination(10, TimeUnit.SECONDS);
    try {
      admin(
          channel -> {
            channel.queueDelete(queue.name());
            channel.queueDelete(queue.deadLetterQueue());
            for (int step = 1; step < queue.maxAttempts(); step++) {
              channel.queueDelete(queue.retryQueue(step));
            }
            return null;
          });
    } finally {
      smtp.stop();
    }
  }

  private interface ChannelWork<T> {
    T on(Channel channel) throws IOException;
  }

  private static <T> T admin(ChannelWork<T> work) throws Exception {
    ConnectionFactory factory = new ConnectionFactory();
    factory.setUri(rabbitUrl());
    factory.setConnectionTimeout(3000);
    try (Connection connection = factory.newConnection("mail-tests");
        Channel channel = connection.createChannel()) {
      return work.on(channel);
    }
  }
}
