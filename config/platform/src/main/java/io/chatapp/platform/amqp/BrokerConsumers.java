package io.chatapp.platform.amqp;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Consumes work queues with manual acks and the retry policy of {@link WorkQueue}: a handler that
 * throws has the delivery retried later through the queue's delay steps, then parked in its
 * dead-letter queue; a poison message is parked at once. A delivery is acked only after its handler
 * returned or its retry copy was confirmed, so nothing is lost when this process dies mid-way.
 */
@ApplicationScoped
public class BrokerConsumers {

  private static final Logger LOG = Logger.getLogger(BrokerConsumers.class.getName());

  @Inject BrokerConnection connection;
  @Inject BrokerPublisher publisher;

  private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();

  /** One consumer of a queue and the channel it currently runs on (replaced when that dies). */
  private static final class Subscription {
    final WorkQueue queue;
    final int prefetch;
    final MessageHandler handler;
    volatile Channel channel;

    Subscription(WorkQueue queue, int prefetch, MessageHandler handler) {
      this.queue = queue;
      this.prefetch = prefetch;
      this.handler = handler;
    }
  }

  public BrokerConsumers() {}

  /** For use outside the container (tests, tools). */
  public BrokerConsumers(BrokerConnection connection, BrokerPublisher publisher) {
    this.connection = connection;
    this.publisher = publisher;
    listen();
  }

  @PostConstruct
  void listen() {
    connection.addListener(
        new BrokerConnection.Listener() {
          @Override
          public void connected(Connection fresh) throws IOException {
            for (Subscription subscription : subscriptions) {
              consume(fresh, subscription);
            }
          }

          @Override
          public void check(Connection current) {
            resumeLost(current);
          }
        });
  }

  /** Consumes the queue with manual acks, retries and dead-lettering, now and after reconnects. */
  public void subscribe(WorkQueue queue, int prefetch, MessageHandler handler) {
    subscribe(queue, prefetch, 1, handler);
  }

  /**
   * As {@link #subscribe(WorkQueue, int, MessageHandler)} with {@code consumers} channels taking
   * deliveries side by side (each handles its own one at a time, in the order it got them).
   */
  public synchronized void subscribe(
      WorkQueue queue, int prefetch, int consumers, MessageHandler handler) {
    connection.declare(queue::declare);
    for (int i = 0; i < Math.max(1, consumers); i++) {
      Subscription subscription = new Subscription(queue, prefetch, handler);
      subscriptions.add(subscription);
      connection
          .open()
          .ifPresent(
              current -> {
                try {
                  consume(current, subscription);
                } catch (IOException | RuntimeException e) {
                  LOG.log(Level.WARNING, "Starting consumer failed; retried on reconnect", e);
                  current.abort();
                }
              });
    }
  }

  /**
   * A consumer's channel can close while the connection stays open (an exception while settling a
   * delivery, a channel error, the broker's consumer timeout); without this the queue would stay
   * unconsumed until the whole connection dropped. The unacked deliveries went back to the queue.
   */
  private void resumeLost(Connection current) {
    for (Subscription subscription : subscriptions) {
      Channel channel = subscription.channel;
      if (channel != null && !channel.isOpen() && channel.getConnection() == current) {
        try {
          consume(current, subscription);
          LOG.info(() -> "Resumed the consumer of " + subscription.queue.name());
        } catch (IOException | RuntimeException e) {
          LOG.log(Level.WARNING, "Resuming a consumer failed; retrying in 2 s", e);
        }
      }
    }
  }

  private void consume(Connection on, Subscription subscription) throws IOException {
    Channel channel = on.createChannel();
    subscription.channel = channel;
    subscription.queue.declare(channel); // also brings back a queue deleted while we were away
    channel.basicQos(subscription.prefetch);
    channel.basicConsume(
        subscription.queue.name(),
        false,
        new DefaultConsumer(channel) {
          @Override
          public void handleDelivery(
              String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
            if (!channel.isOpen()) {
              return; // prefetched before the channel closed: the broker delivers it again
            }
            try {
              settle(subscription, properties, body);
              channel.basicAck(envelope.getDeliveryTag(), false);
            } catch (Exception | Error e) {
              // Not settled (e.g. the retry could not be published): closing the channel returns
              // the delivery to the queue; the watchdog resumes this consumer within 2 s.
              LOG.log(
                  Level.WARNING,
                  "Could not settle message {0} from {1}, returning it to the queue: {2}",
                  new Object[] {
                    properties.getMessageId(), subscription.queue.name(), e.toString()
                  });
              abort(channel);
            }
          }

          @Override
          public void handleCancel(String tag) {
            // The broker cancelled us (the queue was deleted): the watchdog consumes again.
            LOG.warning(() -> "The broker cancelled the consumer of " + subscription.queue.name());
            abort(channel);
          }
        });
  }

  private void settle(Subscription subscription, AMQP.BasicProperties properties, byte[] body) {
    WorkQueue queue = subscription.queue;
    int attempt = WorkQueue.attempt(properties);
    try {
      subscription.handler.handle(body, properties.getMessageId());
    } catch (PoisonMessageException e) {
      LOG.warning(() -> "Parking an unusable message from " + queue.name() + ": " + e.getMessage());
      republish(queue.deadLetterQueue(), properties, attempt, body);
    } catch (Exception e) {
      if (attempt >= queue.maxAttempts()) {
        LOG.log(
            Level.WARNING,
            "Giving up on message {0} from {1} after {2} attempts: {3}",
            new Object[] {properties.getMessageId(), queue.name(), attempt, e.toString()});
        republish(queue.deadLetterQueue(), properties, attempt, body);
      } else {
        LOG.log(
            Level.INFO,
            "Message {0} from {1} failed (attempt {2}), retrying later: {3}",
            new Object[] {properties.getMessageId(), queue.name(), attempt, e.toString()});
        republish(queue.retryQueue(attempt), properties, attempt + 1, body);
      }
    }
  }

  private void republish(String queue, AMQP.BasicProperties properties, int attempt, byte[] body) {
    Map<String, Object> headers =
        properties.getHeaders() == null ? new HashMap<>() : new HashMap<>(properties.getHeaders());
    headers.put(WorkQueue.ATTEMPT_HEADER, attempt);
    publisher.await(
        publisher.publishAsync(
            "", queue, properties.builder().headers(headers).deliveryMode(2).build(), body));
  }

  private static void abort(Channel channel) {
    try {
      channel.abort();
    } catch (IOException | RuntimeException closing) {
      LOG.log(Level.FINE, "Closing a consumer channel", closing);
    }
  }
}
