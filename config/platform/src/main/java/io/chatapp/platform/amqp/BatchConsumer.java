package io.chatapp.platform.amqp;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import io.chatapp.platform.concurrent.Batcher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A consumer on one channel that hands its deliveries over in batches ({@link Batcher}): the
 * broker's dispatch thread only queues each delivery; a drain task of its own has everything queued
 * so far (up to {@code maxBatch}) settled, then acks the whole batch with one multiple ack. A batch
 * is settled in two parts ({@link PipelinedBatchHandler}): while the second part of one batch is
 * under way (its publish waits for the broker's confirm), up to {@code depth} batches in all, the
 * drain task goes on with the next; each is acked once it and every batch before it are settled.
 */
final class BatchConsumer extends DefaultConsumer {

  private static final Logger LOG = Logger.getLogger(BatchConsumer.class.getName());

  /**
   * A delivery not acked yet, whether the broker delivered it before, and when it reached this
   * consumer ({@link System#nanoTime()}).
   */
  record Pending(
      long tag, AMQP.BasicProperties properties, byte[] body, boolean redelivered, long arrived) {

    /** Redelivered by the broker, or back from a retry queue. */
    boolean maybeHandledBefore() {
      return redelivered || WorkQueue.attempt(properties) > 1;
    }
  }

  /**
   * Settles a batch: every delivery in it was handled, retried or parked once the returned future
   * completes.
   */
  interface Settler {
    CompletableFuture<Void> settle(List<Pending> batch) throws Exception;
  }

  private final String queue;
  private final Settler settler;
  private final int depth;
  private final Executor drainer;
  private final Batcher<Pending> batches;

  /** Acks of the batches settling, oldest first (only the drain task touches it). */
  private final ArrayDeque<CompletableFuture<Void>> settling = new ArrayDeque<>();

  /** The ack of the newest batch: the next one's ack waits for it. */
  private CompletableFuture<Void> lastAck = CompletableFuture.completedFuture(null);

  BatchConsumer(
      Channel channel, String queue, int maxBatch, int depth, Executor drainer, Settler settler) {
    super(channel);
    this.queue = queue;
    this.settler = settler;
    this.depth = Math.max(1, depth);
    this.drainer = drainer;
    this.batches = new Batcher<>(drainer, maxBatch, this::settle);
  }

  @Override
  public void handleDelivery(
      String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
    batches.add(
        new Pending(
            envelope.getDeliveryTag(),
            properties,
            body,
            envelope.isRedeliver(),
            System.nanoTime()));
  }

  @Override
  public void handleCancel(String tag) {
    // The broker cancelled us (the queue was deleted): the watchdog consumes again.
    LOG.warning(() -> "The broker cancelled the consumer of " + queue);
    abort(getChannel());
  }

  private void settle(List<Pending> batch) {
    if (!getChannel().isOpen() || lastAck.isCompletedExceptionally() || !roomForAnother()) {
      // a closed channel's deliveries go back to the queue by themselves; after a batch that
      // failed to settle, the channel is being closed, and nothing after it may be acked
      return;
    }
    BatchSettledEvent event = new BatchSettledEvent();
    event.begin();
    long oldestWaited = System.nanoTime() - batch.get(0).arrived();
    long lastTag = batch.get(batch.size() - 1).tag();
    CompletableFuture<Void> settled;
    try {
      settled = settler.settle(batch);
    } catch (Exception | Error e) {
      notSettled(batch.size(), e);
      return;
    }
    CompletableFuture<Void> ack =
        lastAck
            .thenCombine(settled, (before, done) -> done)
            .thenRun(
                () -> {
                  ackUpTo(lastTag);
                  if (event.shouldCommit()) {
                    event.queue = queue;
                    event.deliveries = batch.size();
                    event.oldestWaited = oldestWaited;
                    event.commit();
                  }
                });
    // not on the broker client's thread that completed the confirm: closing a channel there could
    // wait for an answer that only that thread would read
    ack.whenCompleteAsync(
        (acked, failure) -> {
          if (failure != null) {
            notSettled(
                batch.size(),
                failure instanceof CompletionException wrapped ? wrapped.getCause() : failure);
          }
        },
        drainer);
    lastAck = ack;
    settling.add(ack);
  }

  /**
   * Waits until fewer than {@code depth} batches are settling; false when one of them failed or the
   * channel closed meanwhile (what was not acked goes back to the queue then).
   */
  private boolean roomForAnother() {
    settling.removeIf(CompletableFuture::isDone);
    while (settling.size() >= depth) {
      if (!getChannel().isOpen()) {
        return false;
      }
      try {
        settling.peek().get(100, TimeUnit.MILLISECONDS);
        settling.poll();
      } catch (TimeoutException stillSettling) {
        // look again, and at the channel
      } catch (ExecutionException | CancellationException failed) {
        return false;
      } catch (InterruptedException stopping) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }

  private void ackUpTo(long tag) {
    try {
      getChannel().basicAck(tag, true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void notSettled(int deliveries, Throwable failure) {
    // Not settled (e.g. a retry or the next step could not be published): closing the channel
    // returns the deliveries not acked to the queue; the watchdog resumes this consumer within 2 s.
    if (!getChannel().isOpen()) {
      return; // closed for a batch before this one, which returned this one too
    }
    LOG.log(
        Level.WARNING,
        "Could not settle {0} messages from {1}, returning them to the queue: {2}",
        new Object[] {deliveries, queue, failure.toString()});
    abort(getChannel());
  }

  static void abort(Channel channel) {
    try {
      channel.abort();
    } catch (IOException | RuntimeException closing) {
      LOG.log(Level.FINE, "Closing a consumer channel", closing);
    }
  }
}
