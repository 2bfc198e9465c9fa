package io.chatapp.platform.amqp;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import io.chatapp.platform.concurrent.Batcher;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A consumer on one channel that hands its deliveries over in batches ({@link Batcher}): the
 * broker's dispatch thread only queues each delivery; a drain task of its own has everything queued
 * so far (up to {@code maxBatch}) settled, then acks the whole batch with one multiple ack.
 */
final class BatchConsumer extends DefaultConsumer {

  private static final Logger LOG = Logger.getLogger(BatchConsumer.class.getName());

  /** A delivery not acked yet, and when it reached this consumer ({@link System#nanoTime()}). */
  record Pending(long tag, AMQP.BasicProperties properties, byte[] body, long arrived) {}

  /** Settles a batch: returns once every delivery in it was handled, retried or parked. */
  interface Settler {
    void settle(List<Pending> batch) throws Exception;
  }

  private final String queue;
  private final Settler settler;
  private final Batcher<Pending> batches;

  BatchConsumer(Channel channel, String queue, int maxBatch, Executor drainer, Settler settler) {
    super(channel);
    this.queue = queue;
    this.settler = settler;
    this.batches = new Batcher<>(drainer, maxBatch, this::settle);
  }

  @Override
  public void handleDelivery(
      String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
    batches.add(new Pending(envelope.getDeliveryTag(), properties, body, System.nanoTime()));
  }

  @Override
  public void handleCancel(String tag) {
    // The broker cancelled us (the queue was deleted): the watchdog consumes again.
    LOG.warning(() -> "The broker cancelled the consumer of " + queue);
    abort(getChannel());
  }

  private void settle(List<Pending> batch) {
    if (!getChannel().isOpen()) {
      return; // a closed channel's deliveries go back to the queue by themselves
    }
    BatchSettledEvent event = new BatchSettledEvent();
    event.begin();
    long oldestWaited = System.nanoTime() - batch.get(0).arrived();
    try {
      settler.settle(batch);
      getChannel().basicAck(batch.get(batch.size() - 1).tag(), true);
      if (event.shouldCommit()) {
        event.queue = queue;
        event.deliveries = batch.size();
        event.oldestWaited = oldestWaited;
        event.commit();
      }
    } catch (Exception | Error e) {
      // Not settled (e.g. a retry could not be published): closing the channel returns the
      // deliveries to the queue; the watchdog resumes this consumer within 2 s.
      LOG.log(
          Level.WARNING,
          "Could not settle {0} messages from {1}, returning them to the queue: {2}",
          new Object[] {batch.size(), queue, e.toString()});
      abort(getChannel());
    }
  }

  static void abort(Channel channel) {
    try {
      channel.abort();
    } catch (IOException | RuntimeException closing) {
      LOG.log(Level.FINE, "Closing a consumer channel", closing);
    }
  }
}
