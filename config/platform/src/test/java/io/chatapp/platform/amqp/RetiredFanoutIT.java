package io.chatapp.platform.amqp;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultConsumer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A fanout an earlier version used, retired against the real broker: gone with its queues once
 * nothing uses them, kept while an instance of that version still consumes one of them, and a
 * dead-letter queue holding parked messages kept for whoever looks at them.
 */
class RetiredFanoutIT {

  final String prefix = "modtests.retired." + UUID.randomUUID();
  final WorkQueue delivery =
      new WorkQueue(prefix + ".delivery", List.of(Duration.ofSeconds(1)), true);
  final WorkQueue notification =
      new WorkQueue(prefix + ".notification", List.of(Duration.ofSeconds(1)), true);
  final Fanout retired = new Fanout(prefix + ".stored", List.of(delivery, notification));

  Connection direct;

  @BeforeEach
  void declareAsTheEarlierVersionDid() throws Exception {
    ConnectionFactory factory = new ConnectionFactory();
    factory.setUri(ProxiedBroker.BROKER);
    direct = factory.newConnection("modtests-retired");
    try (Channel channel = direct.createChannel()) {
      retired.declare(channel);
    }
  }

  @AfterEach
  void removeEverything() throws Exception {
    try (Channel channel = direct.createChannel()) {
      for (WorkQueue queue : retired.queues()) {
        channel.queueDelete(queue.name());
        channel.queueDelete(queue.retryQueue(1));
        channel.queueDelete(queue.deadLetterQueue());
      }
      channel.exchangeDelete(retired.exchange());
    }
    direct.close();
  }

  @Test
  void aFanoutNothingUsesGoesWithItsQueuesAndWhatTheyHeld() throws Exception {
    publish(retired.exchange(), "a frame nobody took");

    retire();

    for (WorkQueue queue : retired.queues()) {
      assertThat(exists(queue.name())).as(queue.name()).isFalse();
      assertThat(exists(queue.retryQueue(1))).as(queue.retryQueue(1)).isFalse();
      assertThat(exists(queue.deadLetterQueue())).as(queue.deadLetterQueue()).isFalse();
    }
    assertThat(exchangeExists(retired.exchange())).isFalse();
    retire(); // and again, with nothing left to retire
  }

  @Test
  void aQueueStillConsumedIsKeptWithTheExchangeUntilALaterStart() throws Exception {
    Channel earlierVersion = direct.createChannel();
    earlierVersion.basicConsume(delivery.name(), false, new DefaultConsumer(earlierVersion));

    retire();

    assertThat(exists(delivery.name())).as("the consumed queue").isTrue();
    assertThat(exists(notification.name())).as("the queue nobody consumes").isFalse();
    assertThat(exchangeExists(retired.exchange())).as("the exchange, still bound").isTrue();

    earlierVersion.close();
    retire();

    assertThat(exists(delivery.name())).isFalse();
    assertThat(exchangeExists(retired.exchange())).isFalse();
  }

  @Test
  void aDeadLetterQueueHoldingParkedMessagesIsKept() throws Exception {
    publish("", delivery.deadLetterQueue(), "parked");

    retire();

    assertThat(exists(delivery.name())).isFalse();
    assertThat(exists(delivery.deadLetterQueue())).as("parked messages kept").isTrue();
    assertThat(exists(notification.deadLetterQueue())).as("an empty one").isFalse();
  }

  private void retire() throws IOException {
    try (Channel channel = direct.createChannel()) {
      retired.retire(channel);
    } catch (TimeoutException e) {
      throw new IOException(e);
    }
  }

  private void publish(String exchange, String text) throws Exception {
    publish(exchange, "", text);
  }

  private void publish(String exchange, String routingKey, String text) throws Exception {
    try (Channel channel = direct.createChannel()) {
      channel.basicPublish(
          exchange,
          routingKey,
          new AMQP.BasicProperties.Builder().deliveryMode(2).build(),
          text.getBytes(StandardCharsets.UTF_8));
    }
  }

  private boolean exists(String queue) throws Exception {
    return asked(channel -> channel.queueDeclarePassive(queue));
  }

  private boolean exchangeExists(String exchange) throws Exception {
    return asked(channel -> channel.exchangeDeclarePassive(exchange));
  }

  private interface Passive {
    void ask(Channel channel) throws IOException;
  }

  /** Whether the broker knows it: a passive declaration of what is not there closes the channel. */
  private boolean asked(Passive passive) throws Exception {
    Channel channel = direct.createChannel();
    try {
      passive.ask(channel);
      return true;
    } catch (IOException notThere) {
      return false;
    } finally {
      if (channel.isOpen()) {
        channel.close();
      }
    }
  }
}
