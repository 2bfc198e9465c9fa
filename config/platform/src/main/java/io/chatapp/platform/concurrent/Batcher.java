package io.chatapp.platform.concurrent;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hands what is added to one handler in batches, in order: a drain task on the executor takes
 * everything added so far (up to {@code maxBatch}) while the previous batch was being handled.
 * Under light load a batch is one item and nothing waits; under heavy load batches grow by
 * themselves, and so does the work saved per item (one round trip, one publish for many).
 */
public final class Batcher<T> {

  private static final Logger LOG = Logger.getLogger(Batcher.class.getName());

  private final Executor drainer;
  private final int maxBatch;
  private final Consumer<List<T>> handler;
  private final List<T> queued = new ArrayList<>();
  private boolean draining;

  public Batcher(Executor drainer, int maxBatch, Consumer<List<T>> handler) {
    this.drainer = drainer;
    this.maxBatch = maxBatch;
    this.handler = handler;
  }

  public void add(T item) {
    synchronized (queued) {
      queued.add(item);
      if (draining) {
        return;
      }
      draining = true;
    }
    drainer.execute(this::drain);
  }

  private void drain() {
    while (true) {
      List<T> batch;
      synchronized (queued) {
        if (queued.isEmpty()) {
          draining = false;
          return;
        }
        int size = Math.min(maxBatch, queued.size());
        batch = new ArrayList<>(queued.subList(0, size));
        queued.subList(0, size).clear();
      }
      try {
        handler.accept(batch);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "A batch failed; the next ones still run", e);
      }
    }
  }
}
