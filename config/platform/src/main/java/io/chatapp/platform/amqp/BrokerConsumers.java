package io.chatapp.platform.amqp;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Consumes work queues with manual acks and the retry policy of {@link WorkQueue}: a handler that
 * throws has the delivery retried later through the queue's delay steps, then parked in its
 * dead-letter queue; a poison message is parked at once. A batch whose handler finds a dependency
 * unavailable is held and tried again until it can be handled ({@link HeldBatches}). A delivery is
 * acked only after its handler returned or its retry copy was confirmed, so nothing is lost when
 * this process dies mid-way.
 */
@ApplicationScoped
public class BrokerConsumers {

  private static final Logger LOG = Logger.getLogger(BrokerConsumers.class.getName());

  @Inject BrokerConnection connection;
  @Inject BrokerPublisher publisher;

  private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
  private FailedDeliveries failed;

  public BrokerConsumers() {}

  /** For use outside the container (tests, tools). */
  public BrokerConsumers(BrokerConnection connection, BrokerPublisher publisher) {
    this.connection = connection;
    this.publisher = publisher;
    listen();
  }

  @PostConstruct
  void listen() {
    failed = new FailedDeliveries(publisher);
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
      start(new Subscription(queue, prefetch, handler));
    }
  }

  /**
   * Consumes the queue as {@link #subscribe(WorkQueue, int, MessageHandler)} does, handing the
   * handler every delivery at hand at once (up to {@code prefetch}), on {@code consumers} channels.
   */
  public synchronized void subscribeBatches(
      WorkQueue queue, int prefetch, int consumers, BatchHandler handler) {
    PipelinedBatchHandler inOnePart =
        (bodies, maybeHandledBefore) -> {
          handler.handle(bodies);
          return CompletableFuture.completedFuture(null);
        };
    connection.declare(queue::declare);
    for (int i = 0; i < Math.max(1, consumers); i++) {
      start(new Subscription(queue, prefetch, inOnePart, 1, connection.threadFactory()));
    }
  }

  /**
   * Consumes the queue in batches as {@link #subscribeBatches} does, on one channel, with up to
   * {@code depth} batches settling at once ({@link PipelinedBatchHandler}): the handler works on
   * the next batch while the last part of the one before is under way. Batches are acked in order.
   */
  public synchronized void subscribePipelined(
      WorkQueue queue, int prefetch, int depth, PipelinedBatchHandler handler) {
    connection.declare(queue::declare);
    start(new Subscription(queue, prefetch, handler, depth, connection.threadFactory()));
  }

  private void start(Subscription subscription) {
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

  @PreDestroy
  void stop() {
    subscriptions.stream()
        .filter(subscription -> subscription.drainer != null)
        .forEach(subscription -> subscription.drainer.shutdownNow());
  }

  private void consume(Connection on, Subscription subscription) throws IOException {
    Channel channel = on.createChannel();
    subscription.channel = channel;
    subscription.queue.declare(channel); // also brings back a queue deleted while we were away
    channel.basicQos(subscription.prefetch);
    if (subscription.batches != null) {
      channel.basicConsume(
          subscription.queue.name(),
          false,
          new BatchConsumer(
              channel,
              subscription.queue.name(),
              subscription.prefetch,
              subscription.depth,
              subscription.drainer,
              batch -> settle(subscription, batch)));
      return;
    }
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

  /**
   * A batch handled together, or when that throws, each of its deliveries alone (each settled
   * before the next; a delivery that was alone is retried or parked at once). Returns when the
   * batch is settled.
   */
  private CompletableFuture<Void> settle(
      Subscription subscription, List<BatchConsumer.Pending> batch) {
    try {
      return HeldBatches.handle(
          subscription,
          batch.stream().map(BatchConsumer.Pending::body).toList(),
          batch.stream().anyMatch(BatchConsumer.Pending::maybeHandledBefore));
    } catch (Exception e) {
      if (batch.size() == 1) {
        failed.retryOrPark(subscription.queue, batch.get(0).properties(), batch.get(0).body(), e);
        return CompletableFuture.completedFuture(null);
      }
      LOG.log(
          Level.FINE,
          "A batch of {0} from {1} failed; handling each alone: {2}",
          new Object[] {batch.size(), subscription.queue.name(), e.toString()});
    }
    for (BatchConsumer.Pending pending : batch) {
      settle(subscription, pending.properties(), pending.body());
    }
    return CompletableFuture.completedFuture(null);
  }

  private void settle(Subscription subscription, AMQP.BasicProperties properties, byte[] body) {
    try {
      subscription.handler.handle(body, properties.getMessageId());
    } catch (Exception e) {
      failed.retryOrPark(subscription.queue, properties, body, e);
    }
  }

  private static void abort(Channel channel) {
    BatchConsumer.abort(channel);
  }
}
