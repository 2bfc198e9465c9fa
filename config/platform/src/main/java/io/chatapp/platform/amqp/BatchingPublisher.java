package io.chatapp.platform.amqp;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Publishes JSON documents to one exchange in batches: everything added while earlier batches wait
 * for the broker's confirm goes out together, as one persistent, confirmed message holding a JSON
 * array (a group commit). Each caller returns once the batch holding its document was confirmed,
 * and gets a 503 ({@link io.chatapp.platform.errors.DependencyUnavailableException}) when it was
 * not. Under light load a batch is one document and nobody waits for anybody; under load batches
 * grow by themselves, and the broker's work per document falls with them (a message the broker
 * stores, routes, confirms, delivers and has acked costs it about the same whatever its size here).
 *
 * <p>At most {@link #BATCHES_IN_FLIGHT} batches wait for their confirm at once, and batches go out
 * at most once per {@code pace}: a document that comes after a quiet spell goes out at once with
 * its caller's thread; while documents keep coming faster than the pace, each batch waits for the
 * rest of the pace since the one before, and takes what came meanwhile. A batch waits only when the
 * rest of the pace would gather at least one more document, going by the recent gaps between
 * documents: at 100 documents a second and a pace of 10 ms hardly any waits, at 1,000 a batch holds
 * about ten. Later batches are sent from {@code sender}, not from the broker client's thread that
 * reported a confirm.
 *
 * <p>Why the pace: the broker's work is per message it stores, routes and confirms, whatever its
 * size, and on a machine it shares with the services that work is taken from them. Measured at
 * 1,000 documents a second, batches sent whenever a slot was free held 1.4 documents on average,
 * about 700 broker messages a second.
 */
public final class BatchingPublisher {

  /** Documents in one broker message at most. */
  static final int MAX_BATCH = 64;

  /** Batches waiting for their confirm at once. */
  static final int BATCHES_IN_FLIGHT = 2;

  private final BrokerPublisher publisher;
  private final String exchange;
  private final ScheduledExecutorService sender;
  private final long paceNanos;
  private final ArrayDeque<Pending> queued = new ArrayDeque<>();
  private int inFlight;
  private long lastSentAt;
  private boolean sendScheduled;
  private long lastAddedAt;

  /** The recent gap between documents, smoothed, and at most twice the pace. */
  private long gapNanos;

  private record Pending(String id, byte[] json, CompletableFuture<Void> confirm, long queued) {}

  public BatchingPublisher(
      BrokerPublisher publisher, String exchange, ScheduledExecutorService sender, Duration pace) {
    this.publisher = publisher;
    this.exchange = exchange;
    this.sender = sender;
    this.paceNanos = pace.toNanos();
    this.lastSentAt = System.nanoTime() - paceNanos;
    this.gapNanos = 2 * paceNanos;
  }

  /**
   * Publishes one JSON document ({@code id} names the broker message when it goes first in its
   * batch) and returns once the broker confirmed it; else 503.
   */
  public void publish(String id, byte[] json) {
    long now = System.nanoTime();
    Pending pending = new Pending(id, json, new CompletableFuture<>(), now);
    synchronized (queued) {
      queued.add(pending);
      long gap = Math.min(now - lastAddedAt, 2 * paceNanos);
      gapNanos = (3 * gapNanos + gap) / 4;
      lastAddedAt = now;
    }
    sendIfFree();
    // a batch's own confirm times out after confirmTimeoutMillis; this bounds the wait in the queue
    publisher.await(pending.confirm, 2 * publisher.confirmTimeoutMillis());
  }

  /**
   * Sends what is queued as one batch when fewer than the bound are in flight and the pace allows
   * it; else has it sent once the pace allows it.
   */
  private void sendIfFree() {
    List<Pending> batch;
    synchronized (queued) {
      if (inFlight >= BATCHES_IN_FLIGHT || queued.isEmpty() || sendScheduled) {
        return;
      }
      long now = System.nanoTime();
      long early = lastSentAt + paceNanos - now;
      if (early > 0 && early >= gapNanos && queued.size() < MAX_BATCH && schedule(early)) {
        return;
      }
      inFlight++;
      lastSentAt = now;
      batch = new ArrayList<>(Math.min(MAX_BATCH, queued.size()));
      while (batch.size() < MAX_BATCH && !queued.isEmpty()) {
        batch.add(queued.poll());
      }
    }
    BatchPublishedEvent event = new BatchPublishedEvent();
    event.begin();
    long oldestQueued = System.nanoTime() - batch.get(0).queued();
    publisher
        .publishAsync(exchange, "", BrokerPublisher.properties(batch.get(0).id()), body(batch))
        .whenComplete(
            (confirmed, failure) -> {
              if (event.shouldCommit()) {
                event.exchange = exchange;
                event.documents = batch.size();
                event.oldestQueued = oldestQueued;
                event.failed = failure != null;
                event.commit();
              }
              settle(batch, failure);
            });
  }

  private void settle(List<Pending> batch, Throwable failure) {
    for (Pending pending : batch) {
      if (failure == null) {
        pending.confirm.complete(null);
      } else {
        pending.confirm.completeExceptionally(failure);
      }
    }
    synchronized (queued) {
      inFlight--;
      if (queued.isEmpty()) {
        return; // a document added from now on finds the slot free and goes out with its caller
      }
    }
    try {
      sender.execute(this::sendIfFree);
    } catch (RejectedExecutionException stopping) {
      sendIfFree();
    }
  }

  /** Has {@link #sendIfFree} run again in that many nanoseconds; false when it cannot be. */
  private boolean schedule(long nanos) {
    try {
      sender.schedule(this::sendScheduled, nanos, TimeUnit.NANOSECONDS);
      sendScheduled = true;
      return true;
    } catch (RejectedExecutionException stopping) {
      return false;
    }
  }

  private void sendScheduled() {
    synchronized (queued) {
      sendScheduled = false;
    }
    sendIfFree();
  }

  private static byte[] body(List<Pending> batch) {
    ByteArrayOutputStream body =
        new ByteArrayOutputStream(batch.stream().mapToInt(p -> p.json().length + 1).sum() + 1);
    body.write('[');
    for (int i = 0; i < batch.size(); i++) {
      if (i > 0) {
        body.write(',');
      }
      body.writeBytes(batch.get(i).json());
    }
    body.write(']');
    return body.toByteArray();
  }
}
