package io.chatapp.platform.concurrent;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hands what is added to one handler in batches, in order: a drain task on the executor takes
 * everything added so far (up to {@code maxBatch}) while the previous batch was being handled.
 * Under light load a batch is one item and nothing waits; under heavy load batches grow by
 * themselves, and so does the work saved per item (one round trip, one publish for many). {@link
 * #flushed} says when what was added so far has been handled, for a caller that may only go on
 * (say, ack what it took from a queue) once it is out.
 */
public final class Batcher<T> {

  private static final Logger LOG = Logger.getLogger(Batcher.class.getName());

  private final Executor drainer;
  private final int maxBatch;
  private final Consumer<List<T>> handler;
  private final List<T> queued = new ArrayList<>();
  private boolean draining;

  /** Items added, and handled (or failed) so far; guarded by {@code queued}. */
  private long added;

  private long handled;

  /**
   * Callers of {@link #flushed}, oldest first, each waiting for the items before it: all wait for
   * the batch under way, as every one waiting for less was woken when the batch before it ended.
   */
  private final Queue<Waiter> waiters = new ArrayDeque<>();

  private static final class Waiter {
    final long upTo;
    final CompletableFuture<Void> done = new CompletableFuture<>();
    boolean failed;

    Waiter(long upTo) {
      this.upTo = upTo;
    }
  }

  public Batcher(Executor drainer, int maxBatch, Consumer<List<T>> handler) {
    this.drainer = drainer;
    this.maxBatch = maxBatch;
    this.handler = handler;
  }

  public void add(T item) {
    synchronized (queued) {
      queued.add(item);
      added++;
      if (draining) {
        return;
      }
      draining = true;
    }
    drainer.execute(this::drain);
  }

  /**
   * Completes once every item added before this call has been handled, at once when there is none;
   * exceptionally when the handler failed on a batch holding some of them.
   */
  public CompletableFuture<Void> flushed() {
    synchronized (queued) {
      if (handled == added) {
        return CompletableFuture.completedFuture(null);
      }
      Waiter waiter = new Waiter(added);
      waiters.add(waiter);
      return waiter.done;
    }
  }

  private void drain() {
    while (true) {
      List<T> batch;
      long end;
      synchronized (queued) {
        if (queued.isEmpty()) {
          draining = false;
          return;
        }
        int size = Math.min(maxBatch, queued.size());
        batch = new ArrayList<>(queued.subList(0, size));
        queued.subList(0, size).clear();
        end = added - queued.size(); // the items taken so far, this batch's the last
      }
      boolean failed = false;
      try {
        handler.accept(batch);
      } catch (RuntimeException e) {
        failed = true;
        LOG.log(Level.WARNING, "A batch failed; the next ones still run", e);
      }
      settle(end, failed);
    }
  }

  /** The batch ending before item {@code end} was handled, or failed. */
  private void settle(long end, boolean failed) {
    List<Waiter> done = new ArrayList<>();
    synchronized (queued) {
      handled = end;
      if (failed) {
        waiters.forEach(waiter -> waiter.failed = true);
      }
      while (!waiters.isEmpty() && waiters.peek().upTo <= end) {
        done.add(waiters.poll());
      }
    }
    // outside the lock: what waited may go on at once, on this thread
    for (Waiter waiter : done) {
      if (waiter.failed) {
        waiter.done.completeExceptionally(
            new IllegalStateException("A batch holding some of the items failed"));
      } else {
        waiter.done.complete(null);
      }
    }
  }
}
